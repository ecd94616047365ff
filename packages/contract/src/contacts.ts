/** (to be filled: the contacts schemas) */
export {};
