/**
 * @module web/staffing-chart
 * The geometry of the staffing chart: one column per 15-minute slot, expected children as bars on
 * the left axis, staff required and counted as step lines on the right axis (children and staff
 * differ by an order of magnitude, so they get a scale each). Pure: numbers in, coordinates and
 * path strings out; the page draws them.
 */

export interface ChartBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const CHART_BOX: ChartBox = {
  width: 760,
  height: 280,
  left: 44,
  right: 44,
  top: 14,
  bottom: 40,
};

export interface ChartSlot {
  start: string;
  expected: number;
  requiredStaff: number;
  countedStaff: number;
}

export interface ChartGeometry {
  box: ChartBox;
  slotWidth: number;
  /** Left edge of slot `i` (slot `n` is the right edge of the plot). */
  x(i: number): number;
  /** Baseline of the plot. */
  baseline: number;
  childrenMax: number;
  staffMax: number;
  yChildren(v: number): number;
  yStaff(v: number): number;
  /** A label on each whole hour, at the slot that starts it. */
  hourTicks: { x: number; label: string }[];
  childrenTicks: { y: number; label: string }[];
  staffTicks: { y: number; label: string }[];
}

/** The smallest "round" axis maximum at or above `v`: a whole number, even above 10. */
export function axisMax(v: number): number {
  const whole = Math.max(1, Math.ceil(v));
  return whole > 10 ? whole + (whole % 2) : whole;
}

function ticks(max: number, y: (v: number) => number): { y: number; label: string }[] {
  const step = max <= 5 ? 1 : max <= 10 ? 2 : Math.ceil(max / 5);
  const out: { y: number; label: string }[] = [];
  for (let v = 0; v <= max; v += step) out.push({ y: y(v), label: String(v) });
  return out;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function chartGeometry(
  slots: readonly ChartSlot[],
  box: ChartBox = CHART_BOX,
): ChartGeometry {
  const n = Math.max(1, slots.length);
  const plotWidth = box.width - box.left - box.right;
  const plotHeight = box.height - box.top - box.bottom;
  const slotWidth = plotWidth / n;
  const baseline = box.top + plotHeight;
  const childrenMax = axisMax(Math.max(0, ...slots.map((s) => s.expected)));
  const staffMax = axisMax(Math.max(0, ...slots.flatMap((s) => [s.requiredStaff, s.countedStaff])));
  const x = (i: number) => round1(box.left + i * slotWidth);
  const scale = (max: number) => (v: number) => round1(baseline - (plotHeight * v) / max);
  const yChildren = scale(childrenMax);
  const yStaff = scale(staffMax);
  return {
    box,
    slotWidth: round1(slotWidth),
    x,
    baseline,
    childrenMax,
    staffMax,
    yChildren,
    yStaff,
    hourTicks: slots.flatMap((s, i) =>
      s.start.endsWith(":00") ? [{ x: x(i), label: s.start.slice(0, 2) }] : [],
    ),
    childrenTicks: ticks(childrenMax, yChildren),
    staffTicks: ticks(staffMax, yStaff),
  };
}

/** A step line through `values` (one per slot): flat across each slot, vertical between. */
export function stepPath(
  values: readonly number[],
  x: (i: number) => number,
  y: (v: number) => number,
): string {
  if (values.length === 0) return "";
  const parts = [`M${x(0)},${y(values[0]!)}`];
  for (let i = 1; i < values.length; i++) {
    if (values[i] !== values[i - 1]) parts.push(`H${x(i)}V${y(values[i]!)}`);
  }
  parts.push(`H${x(values.length)}`);
  return parts.join("");
}
