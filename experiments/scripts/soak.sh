#!/usr/bin/env bash
# GC-pressure soak: short trainings of every learner kind under a tiny young generation (a collection every few
# milliseconds), with the parallel, serial and G1 collectors, on the learner engine and on DL4J's own layers
# (-Drlx.learner=dl4j). Before FencedOpExecutioner, PPO crashed in about half of such runs (SIGSEGV in libnd4j).
#
#   experiments/scripts/soak.sh [seeds (default 1,2)] [collectors (default ParallelGC,SerialGC,G1GC)]
#
# Last line: soak runs=<n> crashes=<k> (exit 1 if any run crashed or failed). Crash logs stay in results/soak/.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
seeds="${1:-1,2}"
collectors="${2:-ParallelGC,SerialGC,G1GC}"
out="results/soak/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
workloads=(
  "experiments/configs/cartpole-dqn.conf train.total-steps=20000"
  "experiments/configs/cartpole-ppo.conf train.total-steps=60000"
  "experiments/configs/cartpole-a3c.conf train.total-steps=60000"
  "experiments/configs/cartpole-apex-dqn.conf train.total-steps=20000"
  "experiments/configs/minatar-breakout-dqn.conf train.total-steps=6000 agent.learning-starts=1000"
  "experiments/configs/tictactoe-alphazero.conf train.total-steps=3000"
)
runs=0
crashes=0
./rlx env list > /dev/null  # build once before timing anything
for gc in ${collectors//,/ }; do
  for learner in engine dl4j; do
    for w in "${workloads[@]}"; do
      for seed in ${seeds//,/ }; do
        runs=$((runs + 1))
        name="$(basename "${w%% *}" .conf)-$gc-$learner-seed$seed"
        extra=""
        [ "$learner" = dl4j ] && extra="-Drlx.learner=dl4j"
        RLX_JAVA_OPTS="-Xmx4g -Xmn2m -XX:+Use$gc $extra -XX:ErrorFile=$root/$out/hs_err-$name-%p.log" \
          ./rlx train $w seed="$seed" eval.final-episodes=10 > "$out/$name.log" 2>&1
        code=$?
        if [ $code -ne 0 ] || ls "$out"/hs_err-"$name"-*.log > /dev/null 2>&1; then
          crashes=$((crashes + 1))
          echo "FAILED $name (exit $code): $out/$name.log"
        else
          echo "ok $name: $(tail -1 "$out/$name.log" | grep -o 'eval_mean_return=[^ ]*')"
        fi
      done
    done
  done
done
echo "soak runs=$runs crashes=$crashes"
[ $crashes -eq 0 ]
