import { Typography } from '@mantine/core';

/** Article text as written: paragraphs split on blank lines, nothing interpreted as markup. */
export function ArticleBody({ text }: { text: string }) {
  return (
    <Typography>
      {text.split(/\n{2,}/).map((paragraph, i) => (
        <p key={i} style={{ whiteSpace: 'pre-line' }}>
          {paragraph}
        </p>
      ))}
    </Typography>
  );
}
