/** (to be filled: the proof-of-work schemas) */
export {};
