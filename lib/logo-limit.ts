/** The shop logo's largest file, shared by the settings schema and the form that reads the file in the browser. */
export const MAX_LOGO_BYTES = 200_000;

export const LOGO_TOO_LARGE_MESSAGE = "The logo must be under 200 kB";
