import { execFileSync } from 'node:child_process';

export type GitFileStatus = 'tracked' | 'ignored' | 'untracked' | 'unknown';

/**
 * Ask git, once per scan, whether each of `relPaths` (relative to `root`, '/' separators) is tracked, ignored or
 * neither. The scanned repo is untrusted, so repository-configured commands (fsmonitor hooks) are switched off.
 * Git failing (no repo, not installed, "dubious ownership") means 'unknown' for every file.
 */
export function readGitStatus(root: string, relPaths: readonly string[]): Map<string, GitFileStatus> {
  const result = new Map<string, GitFileStatus>();
  if (relPaths.length === 0) return result;
  const git = (args: string[], input?: string): string | null => {
    try {
      return execFileSync('git', ['-c', 'core.fsmonitor=false', '-C', root, ...args], {
        encoding: 'utf8',
        input,
        stdio: ['pipe', 'pipe', 'ignore'],
        maxBuffer: 512 * 1024 * 1024,
        env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
      });
    } catch (e) {
      // check-ignore exits 1 when nothing is ignored; its stdout is still the answer.
      const out = (e as { status?: number; stdout?: string }).status === 1 ? (e as { stdout?: string }).stdout : null;
      return args[0] === 'check-ignore' && typeof out === 'string' ? out : null;
    }
  };
  const inside = git(['rev-parse', '--is-inside-work-tree']);
  if (inside?.trim() !== 'true') {
    for (const p of relPaths) result.set(p, 'unknown');
    return result;
  }
  const tracked = new Set((git(['ls-files', '-z']) ?? '').split('\0'));
  const untrackedCandidates = relPaths.filter((p) => !tracked.has(p));
  const ignored = new Set(
    (untrackedCandidates.length ? git(['check-ignore', '-z', '--stdin'], untrackedCandidates.join('\0') + '\0') ?? '' : '')
      .split('\0'),
  );
  for (const p of relPaths) result.set(p, tracked.has(p) ? 'tracked' : ignored.has(p) ? 'ignored' : 'untracked');
  return result;
}

export class GitError extends Error {}

/**
 * Files changed against `base` (default: the merge base with the default branch), including staged, unstaged and
 * untracked-but-not-ignored files. Paths relative to `root`, '/' separators. Throws GitError when git cannot say.
 */
export function changedFiles(root: string, base?: string): { base: string; files: string[] } {
  const git = (args: string[]): string | null => {
    try {
      return execFileSync('git', ['-c', 'core.fsmonitor=false', '-C', root, ...args], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
        maxBuffer: 256 * 1024 * 1024,
        env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
      });
    } catch {
      return null;
    }
  };
  if (git(['rev-parse', '--is-inside-work-tree'])?.trim() !== 'true') throw new GitError('--changed needs a git work tree');
  let ref = base;
  if (!ref) {
    const defaultBranch = git(['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'])?.trim();
    const candidates = [defaultBranch, 'origin/main', 'origin/master', 'main', 'master'].filter(Boolean) as string[];
    for (const c of candidates) {
      const mb = git(['merge-base', 'HEAD', c])?.trim();
      if (mb) {
        ref = mb;
        break;
      }
    }
    if (!ref) throw new GitError('--changed: no default branch to compare with; give a base (--changed=<ref>)');
  } else if (!git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])) {
    throw new GitError(`--changed: unknown git revision "${ref}"`);
  }
  // --relative keeps paths relative to root (which may be a subdirectory of the work tree).
  const lists = [
    git(['diff', '--name-only', '-z', '--relative', '--diff-filter=ACMR', ref]),
    git(['ls-files', '-z', '--others', '--exclude-standard']),
  ];
  const files = new Set(lists.flatMap((l) => (l ?? '').split('\0').filter(Boolean)));
  return { base: ref, files: [...files].sort() };
}
