import { PackRule } from '../../rule';

const DUTY = {
  liquid: 'liquid heat no CDU group',
  air: 'air heat no air handler group',
  rejection: 'heat no heat rejection group',
};

/** Every rack's heat is served, where the site models that duty. */
export const COOL_005: PackRule = {
  id: 'COOL-005',
  severity: 'error',
  description:
    'Where a site models CDUs, air handlers or heat rejection, every rack with that kind of heat is served.',
  help: "Once a site declares cooling groups of a kind, a rack they do not serve has heat that goes nowhere in the model, and no capacity check covers it. Fix: add the rack's pod, row or hall to a group's `serves`.",
  check({ plant }, { cooling }) {
    return cooling.unserved.map((u) => {
      const first = plant.nodes[u.racks[0]].path;
      return {
        path: plant.sites[u.site].path,
        message: `${u.racks.length} rack(s) have ${DUTY[u.duty]} serves (first: ${first})`,
        measured: u.racks.length,
        limit: 0,
        unit: 'racks',
      };
    });
  },
};
