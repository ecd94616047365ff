/** (to be filled: the transparency schemas) */
export {};
