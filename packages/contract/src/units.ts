/** (to be filled: the units schemas) */
export {};
