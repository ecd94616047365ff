/** (to be filled: the templates schemas) */
export {};
