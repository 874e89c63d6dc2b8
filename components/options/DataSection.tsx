/**
 * Export, import and erase. Export asks the background for the file and hands it to `onDownload`;
 * import reads the chosen file and sends its text (all or nothing: the background says what is
 * wrong and where); erase asks twice before `erase-requested`.
 */
import { useState } from 'preact/hooks';
import type { SendMessage } from '../../utils/ui/options-model';
import { t } from '../../utils/copy';
import { Button } from '../common/Button';
import { ImportField } from '../common/ImportField';
import { StatusLine, useAction } from './StatusLine';
import { formatBytes, isNearQuota, type StorageSpace } from '../../utils/data/storage-space';

export interface DataSectionProps {
  send: SendMessage;
  onDownload(json: string, fileName: string): void;
  locale: string;
  /** How much of the browser's space is used; absent when the browser gives no estimate. */
  space?: StorageSpace;
}

/** "Your notes and history use 2.1 MB of the space …", and near the quota what the extension does about it. */
function SpaceLine({ space, locale }: { space: StorageSpace; locale: string }) {
  return (
    <div data-testid="storage-space">
      <p>{t('options.data.space', [formatBytes(space.usage, locale), formatBytes(space.quota, locale)])}</p>
      {isNearQuota(space) && <p data-testid="storage-space-near">{t('options.data.spaceNear')}</p>}
    </div>
  );
}

function isExportData(data: unknown): data is { json: string; fileName: string } {
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { json?: unknown }).json === 'string' &&
    typeof (data as { fileName?: unknown }).fileName === 'string'
  );
}

export function DataSection({ send, onDownload, locale, space }: DataSectionProps) {
  const exportAction = useAction(send);
  const importAction = useAction(send);
  const eraseAction = useAction(send);
  const [eraseStep, setEraseStep] = useState<0 | 1 | 2>(0);
  // Back from the questions (answered or cancelled), the focus returns to "Erase everything".
  const [eraseAsked, setEraseAsked] = useState(false);
  // One action's outcome at a time: after an erase or an import, the line of an earlier export
  // ("Your copy is saved as …") no longer describes what is here.
  const actions = [exportAction, importAction, eraseAction];
  const clearOthers = (current: (typeof actions)[number]) => actions.filter((a) => a !== current).forEach((a) => a.setOutcome(undefined));

  const doExport = async () => {
    clearOthers(exportAction);
    const reply = await exportAction.run({ type: 'export-requested' });
    if (reply.ok && isExportData(reply.data)) {
      onDownload(reply.data.json, reply.data.fileName);
      exportAction.setOutcome({ kind: 'ok', text: t('options.data.exported', [reply.data.fileName]) });
    } else if (reply.ok) {
      exportAction.setOutcome({ kind: 'error', text: t('errors.unexpected') });
    }
  };

  const doImport = async (json: string | undefined) => {
    clearOthers(importAction);
    if (json === undefined) return importAction.setOutcome({ kind: 'error', text: t('errors.import.truncated') });
    await importAction.run({ type: 'import-requested', json }, t('options.data.imported'));
  };

  const doErase = async () => {
    clearOthers(eraseAction);
    const reply = await eraseAction.run({ type: 'erase-requested', confirm: 'erase everything' }, t('options.data.erased'));
    if (reply.ok) setEraseStep(0);
  };

  return (
    <section id="data" class="section" aria-labelledby="data-title">
      <h2 id="data-title">{t('options.data.title')}</h2>
      <p class="intro">{t('options.data.intro')}</p>
      {space && <SpaceLine space={space} locale={locale} />}

      <div class="actions">
        <Button testId="export-button" disabled={exportAction.busy} onClick={() => void doExport()}>
          {t('options.data.export')}
        </Button>
      </div>
      <StatusLine outcome={exportAction.outcome} testId="export-outcome" />

      <ImportField id="import-file" testId="import-input" busy={importAction.busy} onFile={doImport} />
      <StatusLine outcome={importAction.outcome} testId={importAction.outcome?.kind === 'error' ? 'import-error' : 'import-outcome'} />

      <div class="erase">
        {eraseStep === 0 && (
          <div class="actions">
            <Button
              variant="quiet"
              testId="erase-button"
              autoFocus={eraseAsked}
              onClick={() => {
                setEraseAsked(true);
                setEraseStep(1);
              }}
            >
              {t('options.data.erase')}
            </Button>
          </div>
        )}
        {eraseStep === 1 && (
          <div class="confirm" role="group" aria-labelledby="erase-first">
            <p id="erase-first">{t('options.data.eraseFirst')}</p>
            <div class="actions">
              <Button testId="erase-continue" autoFocus onClick={() => setEraseStep(2)}>
                {t('options.data.eraseContinue')}
              </Button>
              <Button variant="primary" testId="erase-cancel" onClick={() => setEraseStep(0)}>
                {t('options.data.eraseNo')}
              </Button>
            </div>
          </div>
        )}
        {eraseStep === 2 && (
          <div class="confirm" role="group" aria-labelledby="erase-second">
            <p id="erase-second">{t('options.data.eraseSecond')}</p>
            <div class="actions">
              <Button testId="erase-confirm" autoFocus disabled={eraseAction.busy} onClick={() => void doErase()}>
                {t('options.data.eraseYes')}
              </Button>
              <Button variant="primary" testId="erase-cancel" onClick={() => setEraseStep(0)}>
                {t('options.data.eraseNo')}
              </Button>
            </div>
          </div>
        )}
        <StatusLine outcome={eraseAction.outcome} testId="erase-outcome" />
      </div>
    </section>
  );
}
