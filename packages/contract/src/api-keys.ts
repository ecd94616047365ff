/** (to be filled: the api-keys schemas) */
export {};
