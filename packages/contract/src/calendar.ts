/** (to be filled: the calendar schemas) */
export {};
