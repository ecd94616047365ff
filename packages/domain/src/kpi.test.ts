import { describe, expect, it } from 'vitest';
import { computeKpis, type CallFacts } from './kpi.js';

const answered = (wait: number, talk: number, wrap = 0): CallFacts => ({ entered: true, answered: true, abandoned: false, waitSeconds: wait, talkSeconds: talk, wrapSeconds: wrap });
const abandoned = (wait: number): CallFacts => ({ entered: true, answered: false, abandoned: true, waitSeconds: wait, talkSeconds: null });
const timeout: CallFacts = { entered: true, answered: false, abandoned: false, waitSeconds: 300, talkSeconds: null };
const notEntered: CallFacts = { entered: false, answered: false, abandoned: false, waitSeconds: null, talkSeconds: null };

describe('KPIs', () => {
  // 10 offered (the JOINEMPTY call never entered): 7 answered (waits 0,5,10,15,20,30,60), 2 abandoned
  // (waits 3 and 40, one short under S = 5), 1 timeout.
  const calls = [answered(0, 100, 20), answered(5, 200), answered(10, 150, 10), answered(15, 120), answered(20, 180), answered(30, 90), answered(60, 60), abandoned(3), abandoned(40), timeout, notEntered];
  const k = computeKpis(calls, { thresholdSeconds: 20, shortAbandonSeconds: 5 });

  it('counts offered, answered, abandoned and the rest', () => {
    expect(k).toMatchObject({ offered: 10, answered: 7, abandoned: 2, shortAbandoned: 1, otherUnanswered: 1, longestWaitSeconds: 300 });
  });

  it('computes the rates: 7/10 answered, 7/9 without short abandons', () => {
    expect(k.answerRate).toBeCloseTo(0.7, 12);
    expect(k.answerRateExcludingShort).toBeCloseTo(7 / 9, 12);
  });

  it('gives both service levels: 5 within 20 s of 10 offered, and of 7 answered', () => {
    expect(k.serviceLevel).toBeCloseTo(0.5, 12);
    expect(k.serviceLevelOfAnswered).toBeCloseTo(5 / 7, 12);
  });

  it('ASA over answered calls, AHT with wrap-up: (0+5+10+15+20+30+60)/7 and (900+30)/7', () => {
    expect(k.asaSeconds).toBeCloseTo(140 / 7, 12);
    expect(k.ahtSeconds).toBeCloseTo(930 / 7, 12);
  });

  it('has no rates when nothing was offered', () => {
    expect(computeKpis([notEntered], { thresholdSeconds: 20, shortAbandonSeconds: 5 })).toMatchObject({ offered: 0, answerRate: null, serviceLevel: null, asaSeconds: null });
  });
});
