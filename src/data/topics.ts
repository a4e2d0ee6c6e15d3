// The five topics every question is filed under; the ids are the frontmatter enum and the /topics/<id>/ URLs.
export const TOPIC_IDS = ['residual', 'normalization', 'gradients', 'attention', 'decoder'] as const;
export type TopicId = (typeof TOPIC_IDS)[number];

export interface Topic {
  id: TopicId;
  title: string;
  blurb: string;
}

export const topics: readonly Topic[] = [
  {
    id: 'residual',
    title: 'Residual connections',
    blurb: 'The identity path around each sublayer: what it adds, what it carries forward, and what it is called.',
  },
  {
    id: 'normalization',
    title: 'Normalization',
    blurb: 'Layer normalization, and why its place before or after the sublayer changes how a stack trains.',
  },
  {
    id: 'gradients',
    title: 'Gradients',
    blurb: 'Vanishing and exploding gradients, and which part of Add & Norm keeps each in check.',
  },
  {
    id: 'attention',
    title: 'Attention',
    blurb: 'What a multi-head attention sublayer learns, and what happens to a stack of it without skips.',
  },
  {
    id: 'decoder',
    title: 'Decoder inputs and training',
    blurb: 'Shifted-right inputs, the causal mask, teacher forcing and what they do at training and at inference.',
  },
];

export function topicById(id: TopicId): Topic {
  const topic = topics.find((t) => t.id === id);
  if (!topic) throw new Error(`unknown topic "${id}"; known: ${TOPIC_IDS.join(', ')}`);
  return topic;
}
