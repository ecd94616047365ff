/** (to be filled: the open311 schemas) */
export {};
