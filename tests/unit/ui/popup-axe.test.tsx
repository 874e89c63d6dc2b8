/**
 * axe-core on the popup's views and every set-up step, rendered in happy-dom. Colour contrast
 * needs real layout, so it is left to the end-to-end audit in a browser.
 */
import axe from 'axe-core';
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupView } from '../../../components/popup/PopupView';
import { SetupFlow } from '../../../components/setup/SetupFlow';
import type { SetupStep } from '../../../utils/ui/popup-model';

let root: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

async function violations(element: ComponentChild) {
  await act(async () => render(element, root));
  const result = await axe.run(root, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`);
}

const ok = async () => ({ ok: true as const });

test('popup view', async () => {
  expect(
    await violations(
      <PopupView
        view={{ days: 3, goalDays: 30, fraction: 0.1, goalReached: false, daysLeft: 27, nextMilestone: 7, urgesToday: 0, urgesTotal: 2, longestStreak: 3, toCelebrate: [], hardDay: true }}
        milestones={[3]}
        nobodyGuarded={false}
        siteRows={[{ site: 'x', label: 'X', status: 'access-missing' }, { site: 'instagram', label: 'Instagram', status: 'active', mayMissSince: '28 November' }]}
        privateAllowed={false}
        onDismissMilestones={vi.fn()}
        onRecordContact={ok}
        onJournal={ok}
        onGrant={vi.fn()}
        onOpenOptions={vi.fn()}
      />,
    ),
  ).toEqual([]);
});

test.each<SetupStep>(['welcome', 'link', 'goal', 'start', 'reasons', 'plans', 'friction', 'done'])('set-up step %s', async (step) => {
  expect(
    await violations(
      <SetupFlow
        step={step}
        onStepChange={vi.fn()}
        onSave={ok}
        onFinished={vi.fn()}
        siteNames="X, Bluesky and Reddit"
        recognizeLink={() => ({ ok: false, reason: 'not-a-link' })}
        siteLabel={(site) => site}
        reasons={[{ id: 'r1', text: 'For me.' }]}
        plans={[{ id: 'p1', when: 'I miss them', then: 'call a friend' }]}
        goalDays={45}
        friction="strict"
        strictPhrase=""
        now={() => new Date('2026-11-23T10:00:00Z')}
        timeZone="UTC"
        onContinueInTab={vi.fn()}
      />,
    ),
  ).toEqual([]);
});
