/** (to be filled: the live schemas) */
export {};
