/**
 * npm run difftest -- --isa a64 --count N --seed S [--class "<cls>"...]
 *   [--entry NAME] [--len K] [--case I] [--jobs J] [--qemu-cpu CPU]
 *   [--max-report R] [--no-tbi] [--blocks] [--list-classes] [--verbose]
 *
 * Differential test of armvisor's A64 interpreter against qemu-aarch64; see
 * docs/DIFFTEST.md. Ends with "N passed, M failed[, K skipped]" and exits 1
 * when anything failed.
 */
import { classes } from './generator.js';
import { runDifftest, type DifftestOptions } from './difftest.js';

function usage(msg?: string): never {
  if (msg) console.error(`difftest: ${msg}`);
  console.error(
    'usage: npm run difftest -- --isa a64 [--count N] [--seed S] [--class "<cls>"]... [--entry NAME] [--len K]\n' +
      '                          [--case I] [--jobs J] [--qemu-cpu CPU] [--max-report R] [--no-tbi] [--blocks] [--list-classes] [--verbose]',
  );
  process.exit(2);
}

async function main(argv: string[]): Promise<number> {
  const opts: DifftestOptions = { count: 1000, seed: 1, classes: [] };
  let list = false;
  let verbose = false;
  let maxReport = 20;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = (): string => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    const num = (): number => {
      const v = Number(val());
      if (!Number.isInteger(v) || v < 0) usage(`${a} needs a non-negative integer`);
      return v;
    };
    switch (a) {
      case '--isa': {
        const isa = val();
        if (isa !== 'a64') usage(`only --isa a64 is supported (got ${isa})`);
        break;
      }
      case '--count':
        opts.count = num();
        break;
      case '--seed':
        opts.seed = num() >>> 0;
        break;
      case '--class':
        opts.classes!.push(val());
        break;
      case '--entry':
        opts.entry = val();
        break;
      case '--len':
        opts.len = Math.max(1, num());
        break;
      case '--case':
        opts.caseIndex = num();
        break;
      case '--jobs':
        opts.jobs = Math.max(1, num());
        break;
      case '--qemu-cpu':
        opts.qemuCpu = val();
        break;
      case '--max-report':
        maxReport = num();
        break;
      case '--list-classes':
        list = true;
        break;
      case '--no-tbi':
        opts.tbi = false;
        break;
      case '--blocks':
        opts.blocks = true;
        break;
      case '--verbose':
      case '-v':
        verbose = true;
        break;
      case '--help':
      case '-h':
        usage();
      default:
        usage(`unknown option ${a}`);
    }
  }
  if (list) {
    for (const c of classes()) {
      const n = c.entries.length;
      const m = c.missing.length;
      console.log(
        `${c.cls}  (${n} entr${n === 1 ? 'y' : 'ies'} with semantics${m ? `, ${m} without: ${c.missing.join(' ')}` : ''})`,
      );
    }
    return 0;
  }
  let reported = 0;
  const t0 = Date.now();
  const s = await runDifftest(opts, (text) => {
    if (verbose || reported < maxReport) console.log(text + '\n');
    reported++;
  });
  if (reported > maxReport && !verbose)
    console.log(`(${reported - maxReport} more mismatches not shown; --verbose or --max-report shows them)`);
  const failing = [...s.perClass].filter(([, st]) => st.failed > 0);
  if (failing.length > 0 || verbose) {
    console.log('per class (passed/failed/skipped):');
    for (const [cls, st] of s.perClass)
      if (verbose || st.failed > 0) console.log(`  ${cls}: ${st.passed}/${st.failed}/${st.skipped}`);
  }
  if (verbose && s.missing.length) console.log(`entries without semantics (not generated): ${s.missing.join(' ')}`);
  if (s.ungeneratable.length)
    console.log(`classes skipped (every word excluded by a hook in hooks.ts): ${s.ungeneratable.join('; ')}`);
  if (s.brkFallbacks)
    console.log(
      `note: armvisor has no BRK semantics yet; the end trap was recognised by its word in ${s.brkFallbacks} cases`,
    );
  if (verbose) console.log(`time ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const known = s.mismatches.filter((m) => m.known).length;
  if (known) console.log(`(${known} of the failures are listed in test/difftest/known-failures.ts)`);
  console.log(`${s.passed} passed, ${s.failed} failed${s.skipped ? `, ${s.skipped} skipped` : ''}`);
  return s.failed > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error((e as Error).message ?? e);
    process.exit(2);
  },
);
