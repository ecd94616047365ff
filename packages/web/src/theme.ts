import { Badge, createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'sm',
  components: {
    // A badge is as wide as its words: beside a long title or in a narrow cell it keeps them whole
    // instead of shrinking to "ATA…".
    Badge: Badge.extend({ styles: { root: { flexShrink: 0, overflow: 'visible' }, label: { overflow: 'visible', textOverflow: 'clip' } } }),
  },
});
