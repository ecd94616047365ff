/** (to be filled: the security schemas) */
export {};
