/**
 * The citizens' entry imports Mantine's stylesheets one component at a time (src/portal-styles.ts)
 * instead of the whole of @mantine/core/styles.css. This check fails the build when the code that
 * entry reaches, lazy pages included, renders a Mantine component whose stylesheet it does not
 * import: the page would show unstyled.
 */
import type { OutputChunk } from 'rolldown';
import type { Plugin } from 'vite';

// Each component's class names sit in its own module; its stylesheet has the same name.
const CLASS_MODULE = /@mantine[\\/]core[\\/]esm[\\/].*[\\/](\w+)\.module\.mjs$/;
const STYLESHEET = /@mantine[\\/]core[\\/]styles[\\/]([\w-]+)\.css$/;

export function checkMantineStyles(options: { entry: string; styles: string }): Plugin {
  return {
    name: 'cozum:mantine-styles-check',
    apply: 'build',
    generateBundle(_output, bundle) {
      const chunks = new Map(Object.values(bundle).filter((file): file is OutputChunk => file.type === 'chunk').map((chunk) => [chunk.fileName, chunk]));
      const entry = [...chunks.values()].find((chunk) => chunk.isEntry && chunk.facadeModuleId?.endsWith(`/${options.entry}`));
      if (!entry) return this.error(`no entry chunk for ${options.entry}`);
      const reached = new Set<OutputChunk>();
      const visit = (chunk: OutputChunk | undefined) => {
        if (!chunk || reached.has(chunk)) return;
        reached.add(chunk);
        for (const name of [...chunk.imports, ...chunk.dynamicImports]) visit(chunks.get(name));
      };
      visit(entry);
      const used = new Set<string>();
      const imported = new Set<string>();
      for (const chunk of reached) {
        for (const id of chunk.moduleIds) {
          const component = CLASS_MODULE.exec(id)?.[1];
          if (component && (chunk.modules[id]?.renderedLength ?? 0) > 0) used.add(component);
          const stylesheet = STYLESHEET.exec(id)?.[1];
          if (stylesheet) imported.add(stylesheet);
        }
      }
      const missing = [...used].filter((component) => !imported.has(component)).sort();
      if (missing.length) {
        this.error(`${options.entry} renders Mantine components whose styles ${options.styles} does not import; add ${missing.map((c) => `'@mantine/core/styles/${c}.css'`).join(', ')}`);
      }
    },
  };
}
