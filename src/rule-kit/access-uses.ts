import type { TSESTree } from '@typescript-eslint/types';
import type { McpRuleListener } from './create-rule.js';
import { calleeName, findProperty, isFunction, propertyKey, returnedExpressions, unwrap, type Flow, type Origin, type SourceMatcher } from './flow.js';
import { AUTH_INFO_KEYS, IDENTITY_CALLBACKS, IDENTITY_GRANTS, IDENTITY_TARGETS, MEMBERSHIP_METHODS, QUERY_METHODS } from './tables/access-sinks.js';

type Node = TSESTree.Node;

/** How a value is used for access, as said in a finding ("used for an access decision at L30"). */
export type AccessUse =
  | 'an access decision'
  | 'a presence check that gates access'
  | 'a query filter'
  | 'the request identity'
  | 'an AuthInfo'
  | 'an identity callback result'
  | 'the user of an OAuth grant';

export type AccessHit = (sink: Node, use: AccessUse, origin: Origin) => void;

const COMPARISONS = new Set(['===', '!==', '==', '!=']);
const MEMBERSHIP = new Set(MEMBERSHIP_METHODS);
const QUERIES = new Set(QUERY_METHODS);
const TARGETS = new Set(IDENTITY_TARGETS);
const CALLBACKS = new Set(IDENTITY_CALLBACKS);

/** `null`, `undefined`, `''`: comparing with these tests presence, not who the caller is. */
function isEmptyValue(node: Node): boolean {
  const n = unwrap(node);
  if (n.type === 'Identifier') return n.name === 'undefined';
  return n.type === 'Literal' && (n.value === null || n.value === '');
}

/**
 * The values an `if` test turns away when they are missing: `!x`, `!x?.sub`, `x == null`, each side of `!a || !b`.
 * `if (x) return` is not one: it exits when the value is there.
 */
function absenceTested(test: Node): Node[] {
  const n = unwrap(test);
  if (n.type === 'UnaryExpression' && n.operator === '!') return [n.argument];
  if (n.type === 'LogicalExpression' && n.operator === '||') return [...absenceTested(n.left), ...absenceTested(n.right)];
  if (n.type === 'BinaryExpression' && (n.operator === '==' || n.operator === '===')) {
    if (isEmptyValue(n.right)) return [n.left];
    if (isEmptyValue(n.left)) return [n.right];
  }
  return [];
}

/**
 * A branch that turns the caller away: `throw`, `return <response or error>`, or a block that ends in one or answers
 * first (`{ res.status(401).end(); return; }`). A bare `if (!u) return;` only skips work.
 */
function denies(branch: Node): boolean {
  if (branch.type === 'BlockStatement') {
    const last = branch.body[branch.body.length - 1];
    return last !== undefined && (denies(last) || (last.type === 'ReturnStatement' && branch.body.length > 1));
  }
  return branch.type === 'ThrowStatement' || (branch.type === 'ReturnStatement' && branch.argument !== null);
}

/**
 * Listeners that find every place where a value from `match` is used for access: comparisons and membership
 * tests, `if (!x) return` gates, data-access filters, `req.auth`/`req.user` assignments, `AuthInfo` literals, the
 * user of an OAuth grant and the return values of identity callbacks (`authenticate`, `verifyAccessToken`). Each
 * sink node is reported once.
 */
export function accessUseListeners(flow: Flow, match: SourceMatcher, hit: AccessHit): McpRuleListener {
  const done = new Set<Node>();
  const check = (sink: Node, use: AccessUse, deep: boolean): void => {
    if (done.has(sink)) return;
    const origin = deep ? flow.contained(sink, match) : flow.origin(sink, match);
    if (!origin) return;
    done.add(sink);
    hit(sink, use, origin);
  };
  const checkCallback = (fn: Node): void => {
    if (isFunction(fn)) for (const r of returnedExpressions(fn)) check(r, 'an identity callback result', true);
  };
  return {
    BinaryExpression(node) {
      if (!COMPARISONS.has(node.operator) || node.left.type === 'PrivateIdentifier') return;
      if (isEmptyValue(node.left) || isEmptyValue(node.right)) return;
      check(node.left, 'an access decision', false);
      check(node.right, 'an access decision', false);
    },
    // `if (!email) return 403`: whoever sends the value gets past (an authentication check on a claim)
    IfStatement(node) {
      if (denies(node.consequent)) for (const v of absenceTested(node.test)) check(v, 'a presence check that gates access', false);
    },
    SwitchStatement(node) {
      check(node.discriminant, 'an access decision', false);
    },
    CallExpression(node) {
      const name = calleeName(node);
      const callee = unwrap(node.callee);
      if (name && MEMBERSHIP.has(name) && callee.type === 'MemberExpression') {
        check(callee.object, 'an access decision', false);
        for (const a of node.arguments) check(a, 'an access decision', false);
      } else if (name && QUERIES.has(name)) {
        for (const a of node.arguments) check(a, 'a query filter', true);
      } else if (name && Object.hasOwn(IDENTITY_GRANTS, name) && node.arguments[0]?.type === 'ObjectExpression') {
        for (const key of IDENTITY_GRANTS[name]) {
          const prop = findProperty(node.arguments[0], key);
          if (prop) check(prop.value, 'the user of an OAuth grant', true);
        }
      }
    },
    AssignmentExpression(node) {
      const left = node.left;
      if (left.type !== 'MemberExpression') return;
      const key = left.computed ? null : left.property.type === 'Identifier' ? left.property.name : null;
      if (key && TARGETS.has(key)) check(node.right, 'the request identity', true);
    },
    ObjectExpression(node) {
      if (AUTH_INFO_KEYS.every((k) => findProperty(node, k))) check(node, 'an AuthInfo', true);
    },
    Property(node) {
      const key = propertyKey(node);
      if (key && CALLBACKS.has(key)) checkCallback(node.value);
    },
    MethodDefinition(node) {
      const key = propertyKey(node);
      if (key && CALLBACKS.has(key)) checkCallback(node.value);
    },
    FunctionDeclaration(node) {
      if (node.id && CALLBACKS.has(node.id.name)) checkCallback(node);
    },
  };
}
