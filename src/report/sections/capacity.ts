import { dutyOf } from '../../analysis/cooling';
import { Evaluation } from '../../evaluate';
import { fmt, toMw } from '../../units';
import { barChart, ChartRow } from '../bar-chart';
import { colorOf } from '../diagram-data';
import { esc } from '../escape';
import { buildingLoads } from '../report-data';

/**
 * The capacity section: per site, IT and facility power per building against the grid
 * connection, GPUs per building, and cooling heat against usable capacity per duty and per
 * cooling group.
 */
export function capacitySection(evaluation: Evaluation): string {
  const { plant } = evaluation.design;
  const { sites, cooling } = evaluation.analysis;
  const parts = ['<section id="capacity">', '<h2>Capacity</h2>'];

  const buildings = buildingLoads(plant);

  parts.push('<h3>Power against the grid connection</h3>');
  for (const site of plant.sites) {
    const load = sites[site.index];
    const grid = toMw(site.gridConnectionW);
    const rows: ChartRow[] = [
      { label: `${site.name}: IT`, value: toMw(load.itW), text: `${fmt(toMw(load.itW), 2)} MW`, color: 'it' },
      {
        label: `${site.name}: facility`,
        value: toMw(load.facilityW),
        capacity: grid,
        text: `${fmt(toMw(load.facilityW), 2)} of ${fmt(grid, 2)} MW (PUE ${fmt(load.pue, 3)})`,
        color: colorOf(load.facilityW / site.gridConnectionW, 1),
      },
    ];
    for (const [name, b] of buildings[site.index]) {
      const facility = toMw(b.itW * load.pue);
      rows.push({ label: `${name}: IT`, value: toMw(b.itW), text: `${fmt(toMw(b.itW), 2)} MW`, color: 'it' });
      rows.push({
        label: `${name}: facility at site PUE`,
        value: facility,
        text: `${fmt(facility, 2)} MW`,
        color: 'none',
      });
    }
    parts.push(barChart(rows, { value: grid, label: `grid connection ${fmt(grid, 2)} MW` }));
  }

  parts.push('<h3>GPUs per building</h3>');
  const gpuRows: ChartRow[] = [];
  for (const site of plant.sites) {
    for (const [name, b] of buildings[site.index]) {
      gpuRows.push({
        label: plant.sites.length > 1 ? `${site.name}: ${name}` : name,
        value: b.gpus,
        text: `${fmt(b.gpus, 0)} GPUs, ${fmt(b.racks, 0)} racks`,
        color: 'gpu',
      });
    }
  }
  parts.push(gpuRows.length > 0 ? barChart(gpuRows) : '<p>No racks.</p>');

  parts.push('<h3>Cooling: heat against capacity</h3>');
  if (plant.coolers.length === 0) {
    parts.push('<p>No cooling equipment is modelled.</p>');
  } else {
    const dutyName = {
      liquid: 'liquid (CDUs)',
      air: 'air (air handlers)',
      rejection: 'heat rejection',
    } as const;
    for (const site of plant.sites) {
      const own = plant.coolers.filter((c) => c.site === site.index);
      if (own.length === 0) continue;
      const totals: ChartRow[] = [];
      for (const duty of ['liquid', 'air', 'rejection'] as const) {
        const of = own.filter((c) => dutyOf(c.kind) === duty);
        if (of.length === 0) continue;
        const heat = of.reduce((s, c) => s + cooling.heatW[c.index], 0);
        const usable = of.reduce((s, c) => s + c.usableW, 0);
        totals.push(coolingRow(`${site.name}: ${dutyName[duty]}`, heat, usable));
      }
      parts.push(barChart(totals));
      const rows = own.map((c) => ({
        ...coolingRow(c.path.slice(site.path.length + 1), cooling.heatW[c.index], c.usableW),
        id: `cool-${c.index}`,
      }));
      parts.push(
        `<details><summary>${own.length} cooling group(s) of ${esc(site.name)}</summary>${barChart(rows)}</details>`,
      );
    }
  }
  parts.push('</section>');
  return parts.join('\n');
}

function coolingRow(label: string, heatW: number, usableW: number): ChartRow {
  return {
    label,
    value: toMw(heatW),
    capacity: toMw(usableW),
    text: `${fmt(toMw(heatW), 2)} of ${fmt(toMw(usableW), 2)} MW`,
    color: colorOf(heatW / usableW, 1),
  };
}
