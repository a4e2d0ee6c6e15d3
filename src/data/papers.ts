// Every paper the answers may cite, by key. Frontmatter `cites` and <Cite k> must use these keys.
export interface Paper {
  key: string;
  authors: readonly string[];
  title: string;
  year: number;
  venue: string;
  /** arXiv identifier, when the paper is on arXiv. */
  arxiv?: string;
  /** Where to read it when it is not on arXiv (DOI or proceedings page). */
  url?: string;
}

export const papers = {
  Vas17: {
    key: 'Vas17',
    authors: [
      'Ashish Vaswani',
      'Noam Shazeer',
      'Niki Parmar',
      'Jakob Uszkoreit',
      'Llion Jones',
      'Aidan N. Gomez',
      'Łukasz Kaiser',
      'Illia Polosukhin',
    ],
    title: 'Attention Is All You Need',
    year: 2017,
    venue: 'NeurIPS 2017',
    arxiv: '1706.03762',
  },
  He16a: {
    key: 'He16a',
    authors: ['Kaiming He', 'Xiangyu Zhang', 'Shaoqing Ren', 'Jian Sun'],
    title: 'Deep Residual Learning for Image Recognition',
    year: 2016,
    venue: 'CVPR 2016',
    arxiv: '1512.03385',
  },
  He16b: {
    key: 'He16b',
    authors: ['Kaiming He', 'Xiangyu Zhang', 'Shaoqing Ren', 'Jian Sun'],
    title: 'Identity Mappings in Deep Residual Networks',
    year: 2016,
    venue: 'ECCV 2016',
    arxiv: '1603.05027',
  },
  Xio20: {
    key: 'Xio20',
    authors: [
      'Ruibin Xiong',
      'Yunchang Yang',
      'Di He',
      'Kai Zheng',
      'Shuxin Zheng',
      'Chen Xing',
      'Huishuai Zhang',
      'Yanyan Lan',
      'Liwei Wang',
      'Tie-Yan Liu',
    ],
    title: 'On Layer Normalization in the Transformer Architecture',
    year: 2020,
    venue: 'ICML 2020',
    arxiv: '2002.04745',
  },
  Liu20: {
    key: 'Liu20',
    authors: ['Liyuan Liu', 'Xiaodong Liu', 'Jianfeng Gao', 'Weizhu Chen', 'Jiawei Han'],
    title: 'Understanding the Difficulty of Training Transformers',
    year: 2020,
    venue: 'EMNLP 2020',
    arxiv: '2004.08249',
  },
  Don21: {
    key: 'Don21',
    authors: ['Yihe Dong', 'Jean-Baptiste Cordonnier', 'Andreas Loukas'],
    title: 'Attention is Not All You Need: Pure Attention Loses Rank Doubly Exponentially with Depth',
    year: 2021,
    venue: 'ICML 2021',
    arxiv: '2103.03404',
  },
  Noc22: {
    key: 'Noc22',
    authors: ['Lorenzo Noci', 'Sotiris Anagnostidis', 'Luca Biggio', 'Antonio Orvieto', 'Sidak Pal Singh', 'Aurelien Lucchi'],
    title: 'Signal Propagation in Transformers: Theoretical Perspectives and the Role of Rank Collapse',
    year: 2022,
    venue: 'NeurIPS 2022',
    arxiv: '2206.03126',
  },
  Vei16: {
    key: 'Vei16',
    authors: ['Andreas Veit', 'Michael Wilber', 'Serge Belongie'],
    title: 'Residual Networks Behave Like Ensembles of Relatively Shallow Networks',
    year: 2016,
    venue: 'NeurIPS 2016',
    arxiv: '1605.06431',
  },
  Bal17: {
    key: 'Bal17',
    authors: ['David Balduzzi', 'Marcus Frean', 'Lennox Leary', 'J. P. Lewis', 'Kurt Wan-Duo Ma', 'Brian McWilliams'],
    title: 'The Shattered Gradients Problem: If resnets are the answer, then what is the question?',
    year: 2017,
    venue: 'ICML 2017',
    arxiv: '1702.08591',
  },
  Phi17: {
    key: 'Phi17',
    authors: ['George Philipp', 'Dawn Song', 'Jaime G. Carbonell'],
    title: 'The exploding gradient problem demystified: definition, prevalence, impact, origin, tradeoffs, and solutions',
    year: 2017,
    venue: 'arXiv preprint',
    arxiv: '1712.05577',
  },
  Ba16: {
    key: 'Ba16',
    authors: ['Jimmy Lei Ba', 'Jamie Ryan Kiros', 'Geoffrey E. Hinton'],
    title: 'Layer Normalization',
    year: 2016,
    venue: 'arXiv preprint',
    arxiv: '1607.06450',
  },
  Glo10: {
    key: 'Glo10',
    authors: ['Xavier Glorot', 'Yoshua Bengio'],
    title: 'Understanding the difficulty of training deep feedforward neural networks',
    year: 2010,
    venue: 'AISTATS 2010, PMLR 9',
    url: 'https://proceedings.mlr.press/v9/glorot10a.html',
  },
  Ben94: {
    key: 'Ben94',
    authors: ['Yoshua Bengio', 'Patrice Simard', 'Paolo Frasconi'],
    title: 'Learning long-term dependencies with gradient descent is difficult',
    year: 1994,
    venue: 'IEEE Transactions on Neural Networks 5(2)',
    url: 'https://doi.org/10.1109/72.279181',
  },
  Pas13: {
    key: 'Pas13',
    authors: ['Razvan Pascanu', 'Tomas Mikolov', 'Yoshua Bengio'],
    title: 'On the difficulty of training recurrent neural networks',
    year: 2013,
    venue: 'ICML 2013',
    arxiv: '1211.5063',
  },
  WZ89: {
    key: 'WZ89',
    authors: ['Ronald J. Williams', 'David Zipser'],
    title: 'A Learning Algorithm for Continually Running Fully Recurrent Neural Networks',
    year: 1989,
    venue: 'Neural Computation 1(2)',
    url: 'https://doi.org/10.1162/neco.1989.1.2.270',
  },
  Ben15: {
    key: 'Ben15',
    authors: ['Samy Bengio', 'Oriol Vinyals', 'Navdeep Jaitly', 'Noam Shazeer'],
    title: 'Scheduled Sampling for Sequence Prediction with Recurrent Neural Networks',
    year: 2015,
    venue: 'NeurIPS 2015',
    arxiv: '1506.03099',
  },
  Ran16: {
    key: 'Ran16',
    authors: ["Marc'Aurelio Ranzato", 'Sumit Chopra', 'Michael Auli', 'Wojciech Zaremba'],
    title: 'Sequence Level Training with Recurrent Neural Networks',
    year: 2016,
    venue: 'ICLR 2016',
    arxiv: '1511.06732',
  },
  PW17: {
    key: 'PW17',
    authors: ['Ofir Press', 'Lior Wolf'],
    title: 'Using the Output Embedding to Improve Language Models',
    year: 2017,
    venue: 'EACL 2017',
    arxiv: '1608.05859',
  },
  Hua17: {
    key: 'Hua17',
    authors: ['Gao Huang', 'Zhuang Liu', 'Laurens van der Maaten', 'Kilian Q. Weinberger'],
    title: 'Densely Connected Convolutional Networks',
    year: 2017,
    venue: 'CVPR 2017',
    arxiv: '1608.06993',
  },
  Ron15: {
    key: 'Ron15',
    authors: ['Olaf Ronneberger', 'Philipp Fischer', 'Thomas Brox'],
    title: 'U-Net: Convolutional Networks for Biomedical Image Segmentation',
    year: 2015,
    venue: 'MICCAI 2015',
    arxiv: '1505.04597',
  },
  Sri14: {
    key: 'Sri14',
    authors: ['Nitish Srivastava', 'Geoffrey Hinton', 'Alex Krizhevsky', 'Ilya Sutskever', 'Ruslan Salakhutdinov'],
    title: 'Dropout: A Simple Way to Prevent Neural Networks from Overfitting',
    year: 2014,
    venue: 'Journal of Machine Learning Research 15(56):1929–1958',
    url: 'https://jmlr.org/papers/v15/srivastava14a.html',
  },
  Sri15: {
    key: 'Sri15',
    authors: ['Rupesh Kumar Srivastava', 'Klaus Greff', 'Jürgen Schmidhuber'],
    title: 'Highway Networks',
    year: 2015,
    venue: 'ICML 2015 Deep Learning Workshop',
    arxiv: '1505.00387',
  },
  Sri15b: {
    key: 'Sri15b',
    authors: ['Rupesh Kumar Srivastava', 'Klaus Greff', 'Jürgen Schmidhuber'],
    title: 'Training Very Deep Networks',
    year: 2015,
    venue: 'NeurIPS 2015',
    arxiv: '1507.06228',
  },
  Wan19: {
    key: 'Wan19',
    authors: ['Qiang Wang', 'Bei Li', 'Tong Xiao', 'Jingbo Zhu', 'Changliang Li', 'Derek F. Wong', 'Lidia S. Chao'],
    title: 'Learning Deep Transformer Models for Machine Translation',
    year: 2019,
    venue: 'ACL 2019',
    arxiv: '1906.01787',
  },
  DeepNet22: {
    key: 'DeepNet22',
    authors: ['Hongyu Wang', 'Shuming Ma', 'Li Dong', 'Shaohan Huang', 'Dongdong Zhang', 'Furu Wei'],
    title: 'DeepNet: Scaling Transformers to 1,000 Layers',
    year: 2022,
    venue: 'arXiv preprint',
    arxiv: '2203.00555',
  },
  ReZ20: {
    key: 'ReZ20',
    authors: ['Thomas Bachlechner', 'Bodhisattwa Prasad Majumder', 'Huanru Henry Mao', 'Garrison W. Cottrell', 'Julian McAuley'],
    title: 'ReZero is All You Need: Fast Convergence at Large Depth',
    // Label year = venue year (UAI 2021); the arXiv preprint is from 2020. The key stays ReZ20.
    year: 2021,
    venue: 'UAI 2021',
    arxiv: '2003.04887',
  },
  Pop18: {
    key: 'Pop18',
    authors: ['Martin Popel', 'Ondřej Bojar'],
    title: 'Training Tips for the Transformer Model',
    year: 2018,
    venue: 'The Prague Bulletin of Mathematical Linguistics',
    arxiv: '1804.00247',
  },
  Fixup19: {
    key: 'Fixup19',
    authors: ['Hongyi Zhang', 'Yann N. Dauphin', 'Tengyu Ma'],
    title: 'Fixup Initialization: Residual Learning Without Normalization',
    year: 2019,
    venue: 'ICLR 2019',
    arxiv: '1901.09321',
  },
  Kin15: {
    key: 'Kin15',
    authors: ['Diederik P. Kingma', 'Jimmy Ba'],
    title: 'Adam: A Method for Stochastic Optimization',
    year: 2015,
    venue: 'ICLR 2015',
    arxiv: '1412.6980',
  },
  Iof15: {
    key: 'Iof15',
    authors: ['Sergey Ioffe', 'Christian Szegedy'],
    title: 'Batch Normalization: Accelerating Deep Network Training by Reducing Internal Covariate Shift',
    year: 2015,
    venue: 'ICML 2015',
    arxiv: '1502.03167',
  },
  PN20: {
    key: 'PN20',
    authors: ['Sheng Shen', 'Zhewei Yao', 'Amir Gholami', 'Michael W. Mahoney', 'Kurt Keutzer'],
    title: 'PowerNorm: Rethinking Batch Normalization in Transformers',
    year: 2020,
    venue: 'ICML 2020',
    arxiv: '2003.07845',
  },
  RMS19: {
    key: 'RMS19',
    authors: ['Biao Zhang', 'Rico Sennrich'],
    title: 'Root Mean Square Layer Normalization',
    year: 2019,
    venue: 'NeurIPS 2019',
    arxiv: '1910.07467',
  },
  Jia23: {
    key: 'Jia23',
    authors: ['Zixuan Jiang', 'Jiaqi Gu', 'Hanqing Zhu', 'David Z. Pan'],
    title: 'Pre-RMSNorm and Pre-CRMSNorm Transformers: Equivalent and Efficient Pre-LN Transformers',
    year: 2023,
    venue: 'NeurIPS 2023',
    arxiv: '2305.14858',
  },
  Rad19: {
    key: 'Rad19',
    authors: ['Alec Radford', 'Jeffrey Wu', 'Rewon Child', 'David Luan', 'Dario Amodei', 'Ilya Sutskever'],
    title: 'Language Models are Unsupervised Multitask Learners',
    year: 2019,
    venue: 'OpenAI technical report (GPT-2)',
    url: 'https://cdn.openai.com/better-language-models/language_models_are_unsupervised_multitask_learners.pdf',
  },
  RAdam19: {
    key: 'RAdam19',
    authors: ['Liyuan Liu', 'Haoming Jiang', 'Pengcheng He', 'Weizhu Chen', 'Xiaodong Liu', 'Jianfeng Gao', 'Jiawei Han'],
    title: 'On the Variance of the Adaptive Learning Rate and Beyond',
    year: 2019,
    venue: 'ICLR 2020',
    arxiv: '1908.03265',
  },
} as const satisfies Record<string, Paper>;

export type PaperKey = keyof typeof papers;
export const PAPER_KEYS = Object.keys(papers) as PaperKey[];

export function isPaperKey(key: string): key is PaperKey {
  return Object.hasOwn(papers, key);
}

/** The paper for a key, or an error naming the key and where the known ones live. */
export function paperByKey(key: string): Paper {
  if (!isPaperKey(key)) throw new Error(`unknown citation key "${key}": add it to src/data/papers.ts`);
  return papers[key];
}

/** The link a citation goes to: arXiv abstract page when there is one, else the publisher's. */
export function paperUrl(paper: Paper): string {
  if (paper.arxiv) return `https://arxiv.org/abs/${paper.arxiv}`;
  if (paper.url) return paper.url;
  throw new Error(`paper ${paper.key} has neither an arXiv id nor a url`);
}

const surname = (name: string) => name.split(' ').at(-1) ?? name;

function authorLabel(paper: Paper): string {
  const a = paper.authors;
  if (a.length === 1) return surname(a[0]!);
  if (a.length === 2) return `${surname(a[0]!)} & ${surname(a[1]!)}`;
  return `${surname(a[0]!)} et al.`;
}

/** "a"/"b" after the year when two papers share the same author label and year (He et al., 2016a/b). */
function yearSuffix(paper: Paper): string {
  const twins = (Object.values(papers) as Paper[]).filter((p) => p.year === paper.year && authorLabel(p) === authorLabel(paper));
  if (twins.length < 2) return '';
  return String.fromCharCode(97 + twins.findIndex((p) => p.key === paper.key));
}

/** "Vaswani et al., 2017" / "Glorot & Bengio, 2010" / "He et al., 2016a": an author–year label. */
export function shortCitation(paper: Paper): string {
  return `${authorLabel(paper)}, ${paper.year}${yearSuffix(paper)}`;
}
