#!/usr/bin/env bash
# Issue 15: a 4-shard Slurm job array end to end through a real one-node Slurm cluster on this machine (Debian 12
# slurm-wlm 22.05 and munge, as root; the recipe of shared/TOOLCHAIN.md "Slurm on one machine"), compared byte for
# byte with a single-process run. Installs the packages if absent, starts munged, slurmctld and slurmd (only those
# not already running), and stops what it started by their pid files. Needs `npm run build` done. About a minute.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v sbatch >/dev/null && command -v munged >/dev/null || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y slurm-wlm munge; }

started=()
stop_daemons() {
  # stop by pid file, only the daemons this script started, in reverse order
  for ((i = ${#started[@]} - 1; i >= 0; i--)); do
    pidfile=${started[$i]}
    [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
  done
}
trap stop_daemons EXIT
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

MUNGE_PID=/run/munge/munged.pid
if ! alive /run/slurmctld.pid; then
  mkdir -p /etc/munge /run/munge /var/lib/munge /var/log/munge /var/spool/slurmctld /var/spool/slurmd /var/log/slurm
  [ -f /etc/munge/munge.key ] || dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key 2>/dev/null
  chown -R munge:munge /etc/munge /run/munge /var/lib/munge /var/log/munge; chmod 400 /etc/munge/munge.key
  H=$(hostname -s)
  cat > /etc/slurm/slurm.conf <<CONF
ClusterName=local
SlurmctldHost=$H
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
ReturnToService=2
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmdSpoolDir=/var/spool/slurmd
StateSaveLocation=/var/spool/slurmctld
SlurmUser=root
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
NodeName=$H CPUs=$(nproc) RealMemory=20000 State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
  # start munged once only: a second one takes over its socket and Slurm then fails authentication
  if ! alive "$MUNGE_PID"; then /usr/sbin/munged --force; started+=("$MUNGE_PID"); fi
  /usr/sbin/slurmctld; started+=(/run/slurmctld.pid)
  /usr/sbin/slurmd; started+=(/run/slurmd.pid)
fi
for i in $(seq 1 30); do sinfo -h -o %t 2>/dev/null | grep -q idle && break; sleep 1; done
sinfo

work=$(mktemp -d /tmp/pnen-sim-slurm.XXXXXX)
# 5 blocks of 4,096 patients over 4 shards (1, 1, 1, 2 blocks) and 2 replicates: an uneven split, the merge reads all
node bin/pnen-sim.js slurm --scenario default --n 20000 --seed 7 --replicates 2 --shards 4 --time 00:10:00 --out "$work/sharded" --wait --timeout 600
node bin/pnen-sim.js simulate --scenario default --n 20000 --seed 7 --replicates 2 --out "$work/single" >/dev/null
cmp "$work/single/summary.json" "$work/sharded/summary.json"
cmp "$work/single/patients.csv" "$work/sharded/patients.csv"
echo "== slurm: 4-shard job array merged = single process, byte for byte (summary.json, patients.csv)"
rm -rf "$work"
