/** How a request reached the city (DESIGN.md section 2): the intake forms offer these, reports count by them. */
export const CHANNELS = ['phone', 'web', 'email', 'whatsapp', 'walk_in', 'field', 'cimer', 'open311', 'mobile'] as const;
export type Channel = (typeof CHANNELS)[number];

export const isChannel = (value: string): value is Channel => (CHANNELS as readonly string[]).includes(value);
