/**
 * @module rules/staff/labor-packs/us-ny
 * New York: the noonday meal period of Labor Law §162(2); weekly overtime from memory only; no rest
 * period rule for adults (secondary sources say the Labor Law has none).
 */
import type { LaborPackInput } from "../labor-pack.js";

export const usNyLabor = {
  code: "US-NY",
  name: "New York wage and hour (Labor Law §162)",
  appliesTo: ["US-NY"],
  summary:
    "A 30-minute meal between 11:00 and 14:00 for a shift of more than six hours over that period " +
    "(Labor Law §162(2)); weekly overtime after 40 hours (UNCONFIRMED); no rest-period rule.",
  asOf: "Labor Law §162 as quoted verbatim in NY DOL meal-period guidelines (undated copy)",
  overtime: {
    dailyAfterHours: null,
    dailyDoubleAfterHours: null,
    weeklyAfterHours: 40,
    citation: {
      source:
        "UNCONFIRMED: 12 NYCRR Part 142 applies federal overtime after 40 hours (from memory, not read)",
      strength: "UNCONFIRMED",
    },
  },
  meals: [
    {
      id: "noonday_meal",
      label: "Noonday meal period",
      whenWorkedHours: 6,
      inclusive: false,
      minMinutes: 30,
      start: { kind: "local_window", from: "11:00", to: "14:00" },
      waivableUpToHours: null,
      citation: {
        source:
          "N.Y. Labor Law §162(2): a shift of more than six hours extending over the noonday meal " +
          "period (11 a.m.–2 p.m.) is entitled to at least thirty minutes off within that period",
        strength: "P",
        note:
          "Read as: applies when the shift covers at least 30 minutes of the window (the stricter " +
          'reading of "extends over").',
      },
    },
  ],
  rest: null,
  notApplied: [
    "§162(3): an additional 20-minute meal between 17:00 and 19:00 for a shift from before 11:00 to after 19:00",
    "§162(4): 45 minutes midway through a shift of more than six hours starting between 13:00 and 06:00",
  ],
} satisfies LaborPackInput;
