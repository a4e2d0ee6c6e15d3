// The "translate it yourself" island's model, kept in its worker between messages: trained by E15's own core
// (src/experiments/e15-cross-attention) at its default parameters and seed, so the reader's translator is E15's
// default run, then asked to translate sentences (src/lab/translate.ts). The lab's model would be disposed at the end
// of the core; a wrapped lab keeps it instead, and this class disposes it on the next training, on a failed or
// cancelled one, and on dispose(). No `self` here: Node tests use it as the worker does.
import { experiment } from '~/experiments/e15-cross-attention/experiment';
import { defaultParams } from '~/lab/experiment/schema';
import type { RunOptions } from '~/lab/experiment/types';
import type { LabFacade, Model, Task } from '~/lab/facade';
import { decodeGreedy, type DecodedToken, type DecodeMode } from '~/lab/translate';
import { correctTranslation, isSourceSentence } from '~/lab/translation-words';

/** What a finished training reports (E15's own measurements of the run, summarised). */
export interface TranslatorSummary {
  /** E15's parameters used (its defaults; steps possibly shortened by the page's `translate.steps`). */
  params: Record<string, number>;
  seed: number;
  status: string;
  /** Training loss per step. */
  loss: number[];
  /** E15's teacher-forced accuracy on held-out sentences after training. */
  accuracy: number;
}

/** E15's default parameters, with a number of steps of the page's choosing when it gives one. */
export function translatorParams(steps?: number): Record<string, number> {
  const params = defaultParams(experiment.params) as Record<string, number>;
  return steps === undefined ? params : { ...params, steps };
}

export const TRANSLATOR_DEFAULT_SEED = experiment.defaultSeed;

export class Translator {
  private model?: Model;
  private release?: () => void;
  private task?: Task;

  get trained(): boolean {
    return !!this.model;
  }

  async train(options: Omit<RunOptions, 'adaptLab'> & { steps?: number }): Promise<TranslatorSummary> {
    this.dispose();
    const params = translatorParams(options.steps);
    let made: { model: Model; release: () => void; task: Task } | undefined;
    // The core's model, kept: its dispose() is a no-op until the run is over, then the real one is ours to call.
    const keepModel = (lab: LabFacade): LabFacade => ({
      ...lab,
      model(task, opts) {
        if (made) throw new Error('E15’s core made a second model; the translator keeps exactly one');
        const model = lab.model(task, opts);
        const release = model.dispose;
        model.dispose = () => {};
        made = { model, release, task };
        return model;
      },
    });
    try {
      const m = (await experiment.run(params as never, { ...options, adaptLab: keepModel })) as {
        status: string;
        loss: number[];
        accuracy: number;
      };
      if (!made) throw new Error('E15’s core made no model');
      if (options.signal?.aborted) throw options.signal.reason ?? new Error('aborted');
      this.model = made.model;
      this.release = made.release;
      this.task = made.task;
      return { params, seed: options.seed, status: m.status, loss: m.loss, accuracy: m.accuracy };
    } catch (err) {
      made?.release();
      throw err;
    }
  }

  /** Greedy decoding of a source sentence (ids) in both modes, one token at a time (onToken). */
  translate(source: readonly number[], onToken?: (token: DecodedToken) => void): Record<DecodeMode, DecodedToken[]> {
    if (!this.model || !this.task) throw new Error('train the translator first');
    if (!isSourceSentence(source)) throw new Error(`not a sentence of the toy language: ${JSON.stringify(source)}`);
    return decodeGreedy(this.model, this.task, source, correctTranslation(source), onToken);
  }

  dispose(): void {
    this.release?.();
    this.model = undefined;
    this.release = undefined;
    this.task = undefined;
  }
}
