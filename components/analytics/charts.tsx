"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  Rectangle,
  Tooltip,
  XAxis,
  YAxis,
  type BarShapeProps,
} from "recharts";
import { useTranslations } from "next-intl";
import { OKABE_ITO } from "./palette";

/*
 * The page's charts. Each is a picture of a table shown right below it: the chart is hidden from
 * screen readers (the table says the same, exactly) and out of the tab order (no accessibility layer), animations are off so it never shows a
 * half-drawn state, and colours come from the Okabe-Ito palette.
 */

const AXIS = { fontSize: 12, fill: "#334155" };

function ChartFrame({ label, height, children }: { label: string; height: number; children: React.ReactNode }) {
  return (
    <figure aria-hidden="true" data-chart={label} className="w-full" style={{ height }}>
      {children}
    </figure>
  );
}

/** A bar per row, each in its own colour (status counts by group kind, the funnel). */
export function ColouredBarChart({
  label,
  rows,
  valueLabel,
}: {
  label: string;
  rows: { name: string; value: number; colour: string }[];
  valueLabel: string;
}) {
  const height = Math.max(160, rows.length * 30 + 40);
  // The payload of each bar carries its colour, so the shape paints it: recharts 3's way of
  // colouring bars one by one.
  const shape = (props: BarShapeProps) => <Rectangle {...props} fill={(props.payload as { colour: string }).colour} />;
  return (
    <ChartFrame label={label} height={height}>
      <BarChart responsive accessibilityLayer={false} data={rows} layout="vertical" margin={{ left: 8, right: 24, top: 8, bottom: 8 }} style={{ width: "100%", height }}>
        <CartesianGrid horizontal={false} stroke="#e2e8f0" />
        <XAxis type="number" allowDecimals={false} tick={AXIS} />
        <YAxis type="category" dataKey="name" width={170} tick={AXIS} />
        <Tooltip />
        <Bar dataKey="value" name={valueLabel} isAnimationActive={false} shape={shape} />
      </BarChart>
    </ChartFrame>
  );
}

/** Orders entered and completed per day. */
export function DailyFlowChart({ rows }: { rows: { day: string; entered: number; completed: number }[] }) {
  const t = useTranslations("analytics.daily");
  return (
    <ChartFrame label={t("title")} height={280}>
      <LineChart responsive accessibilityLayer={false} data={rows} margin={{ left: 0, right: 24, top: 8, bottom: 8 }} style={{ width: "100%", height: 280 }}>
        <CartesianGrid stroke="#e2e8f0" />
        <XAxis dataKey="day" tick={AXIS} minTickGap={24} />
        <YAxis allowDecimals={false} tick={AXIS} />
        <Tooltip />
        <Legend />
        {/* Colour and dash both differ, so the lines stay apart in grey print too. */}
        <Line type="monotone" dataKey="entered" name={t("entered")} stroke={OKABE_ITO.blue} strokeWidth={2} dot={false} isAnimationActive={false} />
        <Line
          type="monotone"
          dataKey="completed"
          name={t("completed")}
          stroke={OKABE_ITO.orange}
          strokeWidth={2}
          strokeDasharray="6 3"
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFrame>
  );
}

/** Median and 90th-percentile hours per status. */
export function TimeInStatusChart({
  label,
  names,
  rows,
}: {
  label: string;
  /** The series' names and the axis's unit, in the reader's language. */
  names: { median: string; p90: string; unit: string };
  rows: { name: string; median: number; p90: number }[];
}) {
  const height = Math.max(180, rows.length * 44 + 60);
  return (
    <ChartFrame label={label} height={height}>
      <BarChart responsive accessibilityLayer={false} data={rows} layout="vertical" margin={{ left: 8, right: 24, top: 8, bottom: 8 }} style={{ width: "100%", height }}>
        <CartesianGrid horizontal={false} stroke="#e2e8f0" />
        <XAxis type="number" tick={AXIS} unit={names.unit} />
        <YAxis type="category" dataKey="name" width={170} tick={AXIS} />
        <Tooltip />
        <Legend />
        <Bar dataKey="median" name={names.median} fill={OKABE_ITO.skyBlue} isAnimationActive={false} />
        <Bar dataKey="p90" name={names.p90} fill={OKABE_ITO.blue} isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}
