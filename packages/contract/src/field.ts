/** (to be filled: the field schemas) */
export {};
