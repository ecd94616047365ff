/** (to be filled: the surveys schemas) */
export {};
