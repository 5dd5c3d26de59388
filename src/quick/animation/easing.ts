// QEasingCurve's curves (qeasingcurve.cpp, after Robert Penner's easing
// equations), with Qt's constants and edge cases, and the `Easing` enum.

/** QEasingCurve::Type, as QML's `Easing.*` names it. */
export const EASING_TYPES: Record<string, number> = {};
const NAMES =
  'Linear InQuad OutQuad InOutQuad OutInQuad InCubic OutCubic InOutCubic OutInCubic InQuart OutQuart InOutQuart OutInQuart InQuint OutQuint InOutQuint OutInQuint InSine OutSine InOutSine OutInSine InExpo OutExpo InOutExpo OutInExpo InCirc OutCirc InOutCirc OutInCirc InElastic OutElastic InOutElastic OutInElastic InBack OutBack InOutBack OutInBack InBounce OutBounce InOutBounce OutInBounce InCurve OutCurve SineCurve CosineCurve BezierSpline TCBSpline Custom'.split(
    ' ',
  );
for (let i = 0; i < NAMES.length; i++) EASING_TYPES[NAMES[i]!] = i;

/** An easing curve's type and parameters (QEasingCurve's amplitude, period and overshoot). */
export interface EasingParams {
  type: number;
  amplitude: number;
  period: number;
  overshoot: number;
}

const PI = Math.PI;
const PI_2 = Math.PI / 2;

const inQuad = (t: number) => t * t;
const outQuad = (t: number) => -t * (t - 2);
function inOutQuad(t: number): number {
  t *= 2;
  if (t < 1) return (t * t) / 2;
  --t;
  return -0.5 * (t * (t - 2) - 1);
}
const inCubic = (t: number) => t * t * t;
function outCubic(t: number): number {
  t -= 1;
  return t * t * t + 1;
}
function inOutCubic(t: number): number {
  t *= 2;
  if (t < 1) return 0.5 * t * t * t;
  t -= 2;
  return 0.5 * (t * t * t + 2);
}
const inQuart = (t: number) => t * t * t * t;
function outQuart(t: number): number {
  t -= 1;
  return -(t * t * t * t - 1);
}
function inOutQuart(t: number): number {
  t *= 2;
  if (t < 1) return 0.5 * t * t * t * t;
  t -= 2;
  return -0.5 * (t * t * t * t - 2);
}
const inQuint = (t: number) => t * t * t * t * t;
function outQuint(t: number): number {
  t -= 1;
  return t * t * t * t * t + 1;
}
function inOutQuint(t: number): number {
  t *= 2;
  if (t < 1) return 0.5 * t * t * t * t * t;
  t -= 2;
  return 0.5 * (t * t * t * t * t + 2);
}
const inSine = (t: number) => (t === 1 ? 1 : -Math.cos(t * PI_2) + 1);
const outSine = (t: number) => Math.sin(t * PI_2);
const inOutSine = (t: number) => -0.5 * (Math.cos(PI * t) - 1);
const inExpo = (t: number) => (t === 0 || t === 1 ? t : 2 ** (10 * (t - 1)) - 0.001);
const outExpo = (t: number) => (t === 1 ? 1 : 1.001 * (-(2 ** (-10 * t)) + 1));
function inOutExpo(t: number): number {
  if (t === 0) return 0;
  if (t === 1) return 1;
  t *= 2;
  if (t < 1) return 0.5 * 2 ** (10 * (t - 1)) - 0.0005;
  return 0.5 * 1.0005 * (-(2 ** (-10 * (t - 1))) + 2);
}
const inCirc = (t: number) => -(Math.sqrt(1 - t * t) - 1);
function outCirc(t: number): number {
  t -= 1;
  return Math.sqrt(1 - t * t);
}
function inOutCirc(t: number): number {
  t *= 2;
  if (t < 1) return -0.5 * (Math.sqrt(1 - t * t) - 1);
  t -= 2;
  return 0.5 * (Math.sqrt(1 - t * t) + 1);
}

function inElasticHelper(t: number, b: number, c: number, d: number, a: number, p: number): number {
  if (t === 0) return b;
  let adj = t / d;
  if (adj === 1) return b + c;
  let s: number;
  if (a < Math.abs(c)) {
    a = c;
    s = p / 4;
  } else s = (p / (2 * PI)) * Math.asin(c / a);
  adj -= 1;
  return -(a * 2 ** (10 * adj) * Math.sin(((adj * d - s) * (2 * PI)) / p)) + b;
}
function outElasticHelper(t: number, c: number, a: number, p: number): number {
  if (t === 0) return 0;
  if (t === 1) return c;
  let s: number;
  if (a < c) {
    a = c;
    s = p / 4;
  } else s = (p / (2 * PI)) * Math.asin(c / a);
  return a * 2 ** (-10 * t) * Math.sin(((t - s) * (2 * PI)) / p) + c;
}
function inOutElastic(t: number, a: number, p: number): number {
  if (t === 0) return 0;
  t *= 2;
  if (t === 2) return 1;
  let s: number;
  if (a < 1) {
    a = 1;
    s = p / 4;
  } else s = (p / (2 * PI)) * Math.asin(1 / a);
  if (t < 1) return -0.5 * (a * 2 ** (10 * (t - 1)) * Math.sin(((t - 1 - s) * (2 * PI)) / p));
  return a * 2 ** (-10 * (t - 1)) * Math.sin(((t - 1 - s) * (2 * PI)) / p) * 0.5 + 1;
}
function outInElastic(t: number, a: number, p: number): number {
  if (t < 0.5) return outElasticHelper(t * 2, 0.5, a, p);
  return inElasticHelper(2 * t - 1, 0.5, 0.5, 1, a, p);
}

const inBack = (t: number, s: number) => t * t * ((s + 1) * t - s);
function outBack(t: number, s: number): number {
  t -= 1;
  return t * t * ((s + 1) * t + s) + 1;
}
/** (Qt multiplies by the float 1.525f) */
const BACK_IN_OUT = Math.fround(1.525);
function inOutBack(t: number, s: number): number {
  t *= 2;
  s *= BACK_IN_OUT;
  if (t < 1) return 0.5 * (t * t * ((s + 1) * t - s));
  t -= 2;
  return 0.5 * (t * t * ((s + 1) * t + s) + 2);
}

function outBounceHelper(t: number, c: number, a: number): number {
  if (t === 1) return c;
  if (t < 4 / 11) return c * (7.5625 * t * t);
  if (t < 8 / 11) {
    t -= 6 / 11;
    return -a * (1 - (7.5625 * t * t + 0.75)) + c;
  }
  if (t < 10 / 11) {
    t -= 9 / 11;
    return -a * (1 - (7.5625 * t * t + 0.9375)) + c;
  }
  t -= 21 / 22;
  return -a * (1 - (7.5625 * t * t + 0.984375)) + c;
}
const inBounce = (t: number, a: number) => 1 - outBounceHelper(1 - t, 1, a);
function inOutBounce(t: number, a: number): number {
  if (t < 0.5) return inBounce(2 * t, a) / 2;
  return t === 1 ? 1 : outBounceHelper(2 * t - 1, 1, a) / 2 + 0.5;
}
function outInBounce(t: number, a: number): number {
  if (t < 0.5) return outBounceHelper(t * 2, 0.5, a);
  return 1 - outBounceHelper(2 - 2 * t, 0.5, a);
}

const sinProgress = (v: number) => Math.sin(v * PI - PI_2) / 2 + 0.5;
const mixFactor = (v: number) => Math.min(Math.max(1 - v * 2 + 0.3, 0), 1);
function inCurve(t: number): number {
  const mix = mixFactor(t);
  return sinProgress(t) * mix + t * (1 - mix);
}
function outCurve(t: number): number {
  const mix = mixFactor(1 - t);
  return sinProgress(t) * mix + t * (1 - mix);
}

/** The OutIn form of a curve: its Out half, then its In half. */
const outIn =
  (out: (t: number) => number, inn: (t: number) => number) =>
  (t: number): number =>
    t < 0.5 ? out(t * 2) / 2 : inn(2 * t - 1) / 2 + 0.5;

const SIMPLE: Array<(t: number) => number> = [
  (t) => t,
  inQuad,
  outQuad,
  inOutQuad,
  outIn(outQuad, inQuad),
  inCubic,
  outCubic,
  inOutCubic,
  outIn(outCubic, inCubic),
  inQuart,
  outQuart,
  inOutQuart,
  outIn(outQuart, inQuart),
  inQuint,
  outQuint,
  inOutQuint,
  outIn(outQuint, inQuint),
  inSine,
  outSine,
  inOutSine,
  outIn(outSine, inSine),
  inExpo,
  outExpo,
  inOutExpo,
  outIn(outExpo, inExpo),
  inCirc,
  outCirc,
  inOutCirc,
  outIn(outCirc, inCirc),
];

/** QEasingCurve::valueForProgress: the eased progress for `t` in 0..1. */
export function easingValue(e: EasingParams, t: number): number {
  t = Math.min(Math.max(t, 0), 1);
  const type = e.type;
  if (type < SIMPLE.length) return SIMPLE[type]!(t);
  const a = e.amplitude;
  const p = e.period;
  const o = e.overshoot;
  // Qt: "The *Back() functions are not always precise on the end points, so handle it explicitly"
  if (type >= 33 && type <= 36) {
    if (Math.abs(t) <= 1e-12) return 0;
    if (Math.abs(t - 1) * 1e12 <= Math.min(Math.abs(t), 1)) return 1;
  }
  switch (type) {
    case 29:
      return inElasticHelper(t, 0, 1, 1, a, p);
    case 30:
      return outElasticHelper(t, 1, a, p);
    case 31:
      return inOutElastic(t, a, p);
    case 32:
      return outInElastic(t, a, p);
    case 33:
      return inBack(t, o);
    case 34:
      return outBack(t, o);
    case 35:
      return inOutBack(t, o);
    case 36:
      return t < 0.5 ? outBack(t * 2, o) / 2 : inBack(2 * t - 1, o) / 2 + 0.5;
    case 37:
      return inBounce(t, a);
    case 38:
      return outBounceHelper(t, 1, a);
    case 39:
      return inOutBounce(t, a);
    case 40:
      return outInBounce(t, a);
    case 41:
      return inCurve(t);
    case 42:
      return outCurve(t);
    case 43:
      return (Math.sin(t * PI * 2 - PI_2) + 1) / 2;
    case 44:
      return (Math.cos(t * PI * 2 - PI_2) + 1) / 2;
    default:
      // (a spline or custom curve needs its points: linear until it has them)
      return t;
  }
}
