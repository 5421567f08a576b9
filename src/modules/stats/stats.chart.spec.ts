import { existsSync } from 'node:fs';
import { CHART_WIDTH, chartHeight, chartSvg, FONT_FILE, renderPng, type ChartModel } from './stats.chart';

const model: ChartModel = {
  title: 'Статистика за ноябрь 2026',
  blocks: [
    {
      title: '💸 Расходы · UZS: 320,000.00',
      bars: [
        { label: 'Транспорт', value: '200,000.00 UZS · 62.5%', fraction: 1 },
        { label: 'Oziq-ovqat & <choy>', value: '120,000.00 UZS · 37.5%', fraction: 0.6 },
      ],
    },
    { title: '💰 Incomes · USD: 10.00', bars: [{ label: 'Salary', value: '10.00 USD · 100%', fraction: 1 }] },
  ],
};

/** Width and height from the PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('stats chart', () => {
  it('the bundled font is there', () => {
    expect(existsSync(FONT_FILE)).toBe(true);
  });

  it('the SVG carries every category label (escaped) and the amounts', () => {
    const svg = chartSvg(model);
    expect(svg).toContain('>Транспорт<');
    expect(svg).toContain('>Oziq-ovqat &amp; &lt;choy&gt;<');
    expect(svg).toContain('>Salary<');
    expect(svg).toContain('200,000.00 UZS · 62.5%');
    expect(svg).toContain('Статистика за ноябрь 2026');
  });

  it('renders a PNG of the chart size', () => {
    const png = renderPng(chartSvg(model));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.toString('ascii', 12, 16)).toBe('IHDR');
    expect(pngSize(png)).toEqual({ width: CHART_WIDTH, height: chartHeight(model) });
  });

  it('text is actually drawn: Cyrillic labels change the image', () => {
    const one = renderPng(chartSvg({ title: 'Ноябрь', blocks: [] }));
    const other = renderPng(chartSvg({ title: 'Декабрь', blocks: [] }));
    const blank = renderPng(chartSvg({ title: '', blocks: [] }));
    expect(one.equals(other)).toBe(false);
    expect(one.equals(blank)).toBe(false);
  });
});
