/** (to be filled: the places schemas) */
export {};
