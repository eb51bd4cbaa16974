import { useId } from "preact/hooks";

export interface Bar {
  label: string;
  value: number;
  /** What is written at the end of the bar, e.g. "75%" or "3". */
  valueText: string;
}

interface BarChartProps {
  title: string;
  /** The same numbers in words: what a screen reader says for the picture. */
  description: string;
  bars: Bar[];
  /** The value of a full bar (100 for percentages). */
  max: number;
}

const WIDTH = 320;
// Each bar has its words on the line above it, so the words can be as big as the text around the chart even on a phone.
const ROW = 52;

/**
 * A small horizontal bar chart: one SVG with role="img", named by its <title> and described by its <desc>, so a
 * screen reader hears the numbers once. The table beside it (CoProductionPanel) holds the same numbers.
 */
export function BarChart({ title, description, bars, max }: BarChartProps) {
  const id = useId();
  const room = WIDTH - 56;
  return (
    <svg
      class="bar-chart"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${WIDTH} ${bars.length * ROW + 4}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {bars.map((bar, i) => {
        const y = i * ROW + 4;
        const length = max > 0 ? Math.max(0, Math.min(1, bar.value / max)) * room : 0;
        return (
          <g key={bar.label}>
            <text x={0} y={y + 16} class="bar-chart-label">
              {bar.label}
            </text>
            <rect x={0} y={y + 24} width={room} height={20} class="bar-chart-track" />
            <rect x={0} y={y + 24} width={length} height={20} class="bar-chart-bar" />
            <text x={room + 6} y={y + 40} class="bar-chart-value">
              {bar.valueText}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
