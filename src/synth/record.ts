/**
 * The 105 variables of one record, filled plausibly and consistently with their conditions in the
 * dictionary: what real extractions send, i.e. mostly "ne sait pas" or empty outside the
 * identification and the decision blocks.
 */
import { VARIABLE_INDEX, VARIABLES } from '../dictionary/index.js';
import { type Day, dayOf, DAYS_PER_YEAR, isoOf } from './dates.js';
import type { EmittedEvent } from './model.js';
import { type Rng, rngFor } from './prng.js';

const CODE_SETS = new Map(VARIABLES.map((v) => [v.name, v.kind === 'code' ? v.codeSet : null]));
const UNKNOWNS = new Map(VARIABLES.map((v) => [v.name, v.unknown]));

/** Value of one variable, checked against the dictionary so that only invalid-code defects leave its list. */
function code(name: string, value: string): string {
  const set = CODE_SETS.get(name);
  if (set === undefined) throw new Error(`synth: unknown variable ${name}`);
  if (set !== null && !set.has(value)) throw new Error(`synth: ${value} is not a code of ${name}`);
  return value;
}

/** The variable's own "ne sait pas". */
function unknown(name: string): string {
  const u = UNKNOWNS.get(name);
  if (u === null || u === undefined) throw new Error(`synth: ${name} has no "ne sait pas" code`);
  return u;
}

const MINOR_ONLY_UNKNOWN = [
  'AUTREHEBER',
  'TITAP',
  'LIENA1',
  'SEXA1',
  'ANSA1',
  'EMPLA1',
  'CSPA1',
  'MEREINC',
  'PEREINC',
  'ANSPERE',
  'DCMERE',
  'DCPERE',
  'SANTE',
  'SECURITE',
  'MORALITE',
  'CONDEDUC',
  'CONDEDEV',
  'VIOLSEX',
  'VIOLPHYS',
  'NEGLIG',
  'VIOLPSY',
  'VIOLCONJ',
  'DANGER',
  'MINA',
] as const;
const EVALUATION_MINOR = ['CONDADD', 'DEFINTEL', 'CONFL', 'VIOLFAM'] as const;
const EVALUATION_ALL = ['MESANT', 'ACCFAM', 'SOUTSOC'] as const;
const ALL_UNKNOWN = ['HANDICAP', 'ORIENTDEC', 'NBENF', 'MINIMA', 'ALLOC'] as const;

const ACCUEIL_ADM = new Set(['11', '12', '13', '14', '15', '16', '19', '21']);
const DOMICILE_ADM = new Set(['10', '18', '20']);
const MILIEU_OUVERT_JUD = new Set(['11', '14', '15', '16', '19', '21', '24']);
const PLACEMENT_JUD = new Set(['17', '18', '21']);
const LIEU_JUD = new Set(['17', '18', '21', '22', '23']);

function ageAt(ev: EmittedEvent, day: Day): number {
  return (day - dayOf(ev.child.birthYear, ev.child.birthMonth, 1)) / DAYS_PER_YEAR;
}

/** Fills the values of a record in décret order (null: element absent / empty cell). */
export function fillRecord(
  ev: EmittedEvent,
  numanonym: string,
  numanonymant: string,
  rng: Rng,
): (string | null)[] {
  const values: (string | null)[] = new Array<string | null>(VARIABLES.length).fill(null);
  const set = (name: string, value: string | null): void => {
    values[VARIABLE_INDEX.get(name) as number] = value;
  };
  const m = ev.measure;
  const kind = m.kind;
  const age = ageAt(ev, ev.refDay);
  const minor = age < 18;
  set('NUMDEP', code('NUMDEP', ev.departement));
  set('NUMANONYM', numanonym);
  set('NUMANONYMANT', numanonymant);
  set('TYPEV', ev.typev);
  set('SEXE', code('SEXE', ev.child.sexe));
  set('ANAIS', String(ev.child.birthYear));
  set('MNAIS', String(ev.child.birthMonth).padStart(2, '0'));
  if (age >= 3) {
    const scodtcom =
      age < 6
        ? rng.weighted([
            ['1', 2],
            ['2', 5],
            ['9', 3],
          ] as const)
        : rng.chance(0.55)
          ? '2'
          : '9';
    set('SCODTCOM', scodtcom);
    if (scodtcom === '1' && minor && age < 6) set('MODACC', unknown('MODACC'));
    if (scodtcom === '2') {
      set('NIVSCO', unknown('NIVSCO'));
      set('SCOCLASPE', unknown('SCOCLASPE'));
    }
    set('ETABSCOSPE', unknown('ETABSCOSPE'));
    set('FREQSCO', unknown('FREQSCO'));
  }
  for (const name of ALL_UNKNOWN) set(name, unknown(name));
  if (rng.chance(0.15)) set('HANDICAP', rng.chance(0.8) ? '1' : '2');
  if (ev.typev === '1') {
    const traitinfo = rng.weighted([
      ['1', 25],
      ['3', 5],
      ['4', 15],
      ['9', 55],
    ] as const);
    set('TRAITINFO', traitinfo);
    set('DATIP', rng.chance(0.6) ? isoOf(ev.refDay - rng.int(20, 200)) : unknown('DATIP'));
    if (traitinfo === '1') {
      set('ORIGIP', unknown('ORIGIP'));
      set('TRANSIP', unknown('TRANSIP'));
    }
    if (traitinfo === '3') {
      set('DATSIGN', unknown('DATSIGN'));
      set('MOTIFSIG', unknown('MOTIFSIG'));
    }
    if (traitinfo === '4')
      set('DATJE', rng.chance(0.5) ? isoOf(ev.refDay - rng.int(5, 90)) : unknown('DATJE'));
  }
  if (minor) {
    for (const name of MINOR_ONLY_UNKNOWN) set(name, unknown(name));
    set('COMPOMENAG', rng.chance(0.3) ? rng.pick(['1', '2', '3', '4', '5']) : unknown('COMPOMENAG'));
    set('NBFRAT', rng.chance(0.35) ? String(rng.int(1, 6)) : unknown('NBFRAT'));
    set('ANSMERE', rng.chance(0.3) ? String(ev.child.birthYear - rng.int(18, 40)) : unknown('ANSMERE'));
    set(
      'PROJET',
      rng.weighted([
        ['1', 20],
        ['2', 25],
        ['9', 55],
      ] as const),
    );
    if (values[VARIABLE_INDEX.get('PROJET') as number] === '2') set('DATPPE', unknown('DATPPE'));
  } else {
    set('MENAGEJM', kind.decision === '1' && kind.nature === '21' ? '8' : unknown('MENAGEJM'));
    set('EMPLJM', unknown('EMPLJM'));
    set('CSPJM', unknown('CSPJM'));
  }
  if (ev.typev !== '2') {
    for (const name of EVALUATION_ALL) set(name, unknown(name));
    if (minor) for (const name of EVALUATION_MINOR) set(name, unknown(name));
  }
  set('DATDECPE', ev.datdecpe);
  set(
    'INTERANT',
    rng.weighted([
      ['1', 30],
      ['2', 25],
      ['9', 45],
    ] as const),
  );
  set('DECISION', kind.decision);
  set('DATDEB', ev.datdeb);
  if (kind.decision === '1') {
    set('NATPDECADM', code('NATPDECADM', kind.nature));
    if (kind.nature === '18') set('AUTREDA', 'Accompagnement éducatif ponctuel');
    if (DOMICILE_ADM.has(kind.nature) && m.typinterdom !== null)
      set('TYPINTERDOM', code('TYPINTERDOM', m.typinterdom));
    if (ACCUEIL_ADM.has(kind.nature)) {
      set('LIEUACC', code('LIEUACC', m.lieuacc ?? unknown('LIEUACC')));
      set('ACCMOD', unknown('ACCMOD'));
      set('AUTRLIEUACC', unknown('AUTRLIEUACC'));
    }
  } else {
    set('NATDECASSED', code('NATDECASSED', kind.nature));
    if (kind.nature === '21') set('AUTREDJ', 'Mesure éducative spécifique');
    if (MILIEU_OUVERT_JUD.has(kind.nature) && m.typdecjud !== null)
      set('TYPDECJUD', code('TYPDECJUD', m.typdecjud));
    if (PLACEMENT_JUD.has(kind.nature)) {
      set('NATDECPLAC', code('NATDECPLAC', m.natdecplac ?? unknown('NATDECPLAC')));
      set('INSTITPLAC', code('INSTITPLAC', m.institplac ?? unknown('INSTITPLAC')));
    }
    if (LIEU_JUD.has(kind.nature)) {
      set('LIEUPLAC', code('LIEUPLAC', m.lieuplac ?? unknown('LIEUPLAC')));
      set('PLACMOD', unknown('PLACMOD'));
      set('AUTRLIEUAR', unknown('AUTRLIEUAR'));
    }
  }
  const isAccueil = ACCUEIL_ADM.has(kind.nature) && kind.decision === '1';
  const isPlacement = LIEU_JUD.has(kind.nature) && kind.decision === '2';
  if (ev.typev === '2' && minor && (isAccueil || isPlacement))
    set(
      'CHGLIEU',
      rng.weighted([
        ['1', 60],
        ['2', 15],
        ['9', 25],
      ] as const),
    );
  if (ev.typev === '3') {
    set('DATFIN', ev.datfin);
    set('MOTFININT', code('MOTFININT', m.motfinint));
    if ((m.motfinint === '1' || m.motfinint === '2') && m.motifml !== null)
      set('MOTIFML', code('MOTIFML', m.motifml));
    if (ageAt(ev, m.endDay) > 14) set('DIPLOME', unknown('DIPLOME'));
    if (minor && (isAccueil || isPlacement))
      set('NBCHGLIEU', rng.chance(0.3) ? String(rng.int(0, 4)) : unknown('NBCHGLIEU'));
  }
  return values;
}

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const idx = (name: string): number => VARIABLE_INDEX.get(name) as number;

/**
 * The values of a record as written, defects included. Filled from a generator seeded by the
 * record's serial, so that nothing needs to be kept: a copy or a re-sent file gets the same values.
 */
export function recordValues(
  ev: EmittedEvent,
  numbers: readonly [string, string],
  seed: number,
): (string | null)[] {
  const values = fillRecord(
    ev,
    numbers[0],
    numbers[1],
    rngFor(seed, 'record', ev.departement, String(ev.serial)),
  );
  if (ev.otherInterant) values[idx('INTERANT')] = values[idx('INTERANT')] === '1' ? '2' : '1';
  if (ev.invalidNumber !== null) values[idx('NUMANONYM')] = ev.invalidNumber === '' ? null : ev.invalidNumber;
  if (ev.invalidCode !== null) values[idx(ev.invalidCode.variable)] = ev.invalidCode.value;
  if (ev.ddmmyyyy) {
    values.forEach((v, j) => {
      const m = v === null ? null : FULL_DATE.exec(v);
      if (m && m[1] !== '9999') values[j] = `${m[3]}/${m[2]}/${m[1]}`;
    });
  }
  return values;
}
