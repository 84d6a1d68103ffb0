#!/usr/bin/env node
// A throw-away PostgreSQL cluster for the PostgreSQL leg of the tests (#17): initdb + pg_ctl in a temporary
// folder, on a free port of 127.0.0.1, trust authentication for the one superuser `funddesk`. As root it runs
// the server as an unprivileged user (postgres if Debian's package made it, else nobody), as CI does;
// initdb refuses to run as root. Own code because it is three commands of PostgreSQL's own tools.
//
//   node scripts/pg-test-cluster.mjs start         prints `export FUNDDESK_TEST_PG=… FUNDDESK_PG_CLUSTER=…`
//   node scripts/pg-test-cluster.mjs stop DIR      stops the server and removes DIR
//   node scripts/pg-test-cluster.mjs run -- CMD…   start, run CMD with FUNDDESK_TEST_PG set, stop
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function binDir() {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  try {
    return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
  } catch {
    console.error('找不到 PostgreSQL（initdb、pg_ctl）：请先安装，例如 apt-get install -y postgresql');
    process.exit(1);
  }
}

function runAs() {
  if (process.getuid?.() !== 0) return null;
  for (const user of ['postgres', 'nobody']) {
    if (spawnSync('id', ['-u', user]).status === 0) return user;
  }
  console.error('以 root 运行时需要一个非特权用户（postgres 或 nobody）来运行 PostgreSQL');
  process.exit(1);
}

function tool(user, name, args) {
  const exe = join(binDir(), name);
  const [cmd, argv] = user ? ['runuser', ['-u', user, '--', exe, ...args]] : [exe, args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(`${name} 失败：\n${r.stdout}${r.stderr}`);
    process.exit(1);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function start() {
  const user = runAs();
  const dir = mkdtempSync(join(tmpdir(), 'funddesk-pg-'));
  if (user) {
    execFileSync('chown', ['-R', `${user}:`, dir]);
    chmodSync(dir, 0o700);
  }
  const data = join(dir, 'data');
  tool(user, 'initdb', [
    '-D',
    data,
    '-A',
    'trust',
    '-U',
    'funddesk',
    '-E',
    'UTF8',
    '--no-locale',
    '--no-sync',
  ]);
  const port = await freePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  tool(user, 'pg_ctl', ['-D', data, '-o', opts, '-l', join(dir, 'server.log'), '-w', 'start']);
  return { dir, url: `postgres://funddesk@127.0.0.1:${port}/postgres` };
}

function stop(dir) {
  if (!dir || !existsSync(join(dir, 'data'))) {
    console.error(`不是由本脚本创建的集群目录：${dir ?? '（未给出）'}`);
    process.exit(1);
  }
  tool(runAs(), 'pg_ctl', ['-D', join(dir, 'data'), '-m', 'fast', '-w', 'stop']);
  rmSync(dir, { recursive: true, force: true });
}

const [cmd, ...rest] = process.argv.slice(2);
if (cmd === 'start') {
  const { dir, url } = await start();
  console.log(`export FUNDDESK_TEST_PG='${url}' FUNDDESK_PG_CLUSTER='${dir}'`);
} else if (cmd === 'stop') {
  stop(rest[0]);
} else if (cmd === 'run' && rest[0] === '--' && rest.length > 1) {
  const { dir, url } = await start();
  let status = 1;
  try {
    const r = spawnSync(rest[1], rest.slice(2), {
      stdio: 'inherit',
      env: { ...process.env, FUNDDESK_TEST_PG: url },
    });
    status = r.status ?? 1;
  } finally {
    stop(dir);
  }
  process.exit(status);
} else {
  console.error('用法：pg-test-cluster.mjs start | stop DIR | run -- 命令 参数…');
  process.exit(2);
}
