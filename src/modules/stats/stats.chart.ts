/**
 * The chart image of a summary: an SVG of horizontal bars per category (one block per type and currency, the
 * legend being each bar's label: translated category name, amount, share), rendered to PNG by resvg on the server.
 *
 * Fonts: resvg draws text only with fonts it is given. The repository carries DejaVu Sans (assets/fonts/, Bitstream
 * Vera / DejaVu licence, see LICENSE-DejaVu.txt): Latin, Cyrillic and Uzbek letters, the same on every machine and in
 * the Docker image (which copies assets/), with system fonts not consulted at all.
 */
import { Injectable, Logger } from '@nestjs/common';
import { Resvg } from '@resvg/resvg-js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface ChartBar {
  label: string;
  /** Amount and share, e.g. "120,000.00 UZS · 35%". */
  value: string;
  /** Bar length relative to the block's largest bar, 0..1. */
  fraction: number;
}

export interface ChartBlock {
  title: string;
  bars: ChartBar[];
}

export interface ChartModel {
  title: string;
  blocks: ChartBlock[];
}

export const CHART_WIDTH = 800;
const PAD = 24;
const TITLE_H = 56;
const BLOCK_TITLE_H = 40;
const ROW_H = 50;
const BLOCK_GAP = 16;
const BAR_H = 18;
export const FONT_FAMILY = 'DejaVu Sans';
const COLORS = [
  '#2f80ed',
  '#eb5757',
  '#27ae60',
  '#f2994a',
  '#9b51e0',
  '#56ccf2',
  '#f2c94c',
  '#219653',
  '#bb6bd9',
  '#828282',
];

/** assets/fonts/DejaVuSans.ttf: three levels up from src/modules/stats and from dist/modules/stats alike. */
export const FONT_FILE =
  [
    join(__dirname, '..', '..', '..', 'assets', 'fonts', 'DejaVuSans.ttf'),
    join(process.cwd(), 'assets', 'fonts', 'DejaVuSans.ttf'),
  ].find((p) => existsSync(p)) ?? join(process.cwd(), 'assets', 'fonts', 'DejaVuSans.ttf');

export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

export function chartHeight(model: ChartModel): number {
  return (
    PAD +
    TITLE_H +
    model.blocks.reduce((h, b) => h + BLOCK_TITLE_H + b.bars.length * ROW_H + BLOCK_GAP, 0) +
    PAD
  );
}

/** The chart as an SVG document (pure). */
export function chartSvg(model: ChartModel): string {
  const height = chartHeight(model);
  const inner = CHART_WIDTH - 2 * PAD;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}" font-family="${FONT_FAMILY}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${PAD}" y="${PAD + 30}" font-size="26" fill="#1b1b1b">${escapeXml(model.title)}</text>`,
  ];
  let y = PAD + TITLE_H;
  for (const block of model.blocks) {
    parts.push(
      `<text x="${PAD}" y="${y + 26}" font-size="19" fill="#333333">${escapeXml(block.title)}</text>`,
    );
    y += BLOCK_TITLE_H;
    block.bars.forEach((bar, i) => {
      const color = COLORS[i % COLORS.length];
      const width = Math.max(3, Math.round(inner * Math.min(1, Math.max(0, bar.fraction))));
      parts.push(
        `<text x="${PAD}" y="${y + 17}" font-size="15" fill="#1b1b1b">${escapeXml(bar.label)}</text>`,
        `<text x="${CHART_WIDTH - PAD}" y="${y + 17}" font-size="15" fill="#555555" text-anchor="end">${escapeXml(bar.value)}</text>`,
        `<rect x="${PAD}" y="${y + 24}" width="${inner}" height="${BAR_H}" rx="4" fill="#eef1f5"/>`,
        `<rect x="${PAD}" y="${y + 24}" width="${width}" height="${BAR_H}" rx="4" fill="${color}"/>`,
      );
      y += ROW_H;
    });
    y += BLOCK_GAP;
  }
  parts.push('</svg>');
  return parts.join('\n');
}

/** SVG → PNG with the bundled font only. */
export function renderPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    font: { fontFiles: [FONT_FILE], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    fitTo: { mode: 'original' },
  });
  return resvg.render().asPng();
}

@Injectable()
export class StatsChart {
  constructor() {
    // Without its font the chart would still render, silently without any text: say so at start.
    if (!existsSync(FONT_FILE))
      new Logger(StatsChart.name).error(`Chart font missing: ${FONT_FILE} (charts will have no text)`);
  }

  png(model: ChartModel): Buffer {
    return renderPng(chartSvg(model));
  }
}
