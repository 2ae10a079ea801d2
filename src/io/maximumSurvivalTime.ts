/**
 * The largest survival time the readers accept (1e150, as `--tau`): the estimators add and halve times
 * (a median between two event times), and sum squared areas under the curve (the RMST variance), which
 * overflow a double past about 1e154 — times of 1e308 gave a median of "Infinity". No time unit comes near
 * it; a larger value is refused naming the row and column.
 */
export const maximumSurvivalTime = 1e150;
