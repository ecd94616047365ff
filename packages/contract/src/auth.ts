/** (to be filled: the auth schemas) */
export {};
