/** (to be filled: the categories schemas) */
export {};
