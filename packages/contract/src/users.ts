/** (to be filled: the users schemas) */
export {};
