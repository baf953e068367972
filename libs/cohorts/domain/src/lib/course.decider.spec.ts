import { DeciderSpecification, ValidationError } from '@sooc/event-sourcing';
import type { CourseDrafted, CourseDraftedData } from './course.events';
import { courseDecider } from './course.decider';

const spec = DeciderSpecification(courseDecider);

const data: CourseDraftedData = {
  courseId: 'course-ddd',
  title: 'Domain-Driven Design in practice',
  summary: 'Model a real domain in small groups.',
  topics: ['ddd', 'event sourcing'],
  language: 'en',
  prerequisites: ['TypeScript basics'],
  selectionPolicy: 'review',
  defaultCapacity: 30,
};
const drafted: CourseDrafted = { type: 'CourseDrafted', data };
const draft = (overrides: Partial<Record<keyof CourseDraftedData, unknown>> = {}) => ({
  type: 'DraftCourse' as const,
  data: { ...data, ...overrides } as CourseDraftedData,
});

describe('course decider', () => {
  describe('when none', () => {
    it('drafts the course', () => {
      spec.given([]).when(draft()).then([drafted]);
    });

    it('trims every string it keeps', () => {
      spec
        .given([])
        .when(
          draft({
            title: `  ${data.title} `,
            summary: ` ${data.summary}\n`,
            language: ' fr-CA ',
            topics: [' ddd '],
            prerequisites: ['  Git '],
          }),
        )
        .then([
          { type: 'CourseDrafted', data: { ...data, language: 'fr-CA', topics: ['ddd'], prerequisites: ['Git'] } },
        ]);
    });

    it.each([
      ['too short after trimming', '  ab  '],
      ['too long', 'x'.repeat(201)],
      ['not a string', 42],
    ])('refuses a title %s', (_case, title) => {
      const error = spec
        .given([])
        .when(draft({ title }))
        .thenThrows('COURSE.TITLE_INVALID', 'validation') as ValidationError;
      expect(error.fields).toEqual([{ field: 'title', message: expect.any(String) }]);
    });

    it('accepts titles of exactly 3 and 200 characters', () => {
      spec
        .given([])
        .when(draft({ title: 'abc' }))
        .then([{ type: 'CourseDrafted', data: { ...data, title: 'abc' } }]);
      spec
        .given([])
        .when(draft({ title: 'y'.repeat(200) }))
        .then([{ type: 'CourseDrafted', data: { ...data, title: 'y'.repeat(200) } }]);
    });

    it('refuses a summary over 2000 characters', () => {
      spec
        .given([])
        .when(draft({ summary: 's'.repeat(2001) }))
        .thenThrows('COURSE.SUMMARY_INVALID', 'validation');
    });

    it.each(['english', 'e', 'en_US', '', 'en-'])('refuses the language tag "%s"', (language) => {
      spec.given([]).when(draft({ language })).thenThrows('COURSE.LANGUAGE_INVALID', 'validation');
    });

    it.each(['en', 'fr-CA', 'zh-Hant-TW', 'es-419', 'de-CH-1901'])('accepts the language tag "%s"', (language) => {
      spec
        .given([])
        .when(draft({ language }))
        .then([{ type: 'CourseDrafted', data: { ...data, language } }]);
    });

    it('refuses more than 20 topics and blank ones', () => {
      spec
        .given([])
        .when(draft({ topics: Array.from({ length: 21 }, (_, i) => `t${i}`) }))
        .thenThrows('COURSE.TOPICS_INVALID', 'validation');
      const error = spec
        .given([])
        .when(draft({ topics: ['ok', '  '] }))
        .thenThrows('COURSE.TOPICS_INVALID') as ValidationError;
      expect(error.fields.map((f) => f.field)).toEqual(['topics[1]']);
    });

    it('refuses blank and duplicate prerequisites, naming each one', () => {
      const error = spec
        .given([])
        .when(draft({ prerequisites: ['Git', ' ', 'git '] }))
        .thenThrows('COURSE.PREREQUISITES_INVALID', 'validation') as ValidationError;
      expect(error.fields.map((f) => f.field)).toEqual(['prerequisites[1]', 'prerequisites[2]']);
    });

    it.each([1, 501, 20.5, '30'])('refuses a default capacity of %p', (defaultCapacity) => {
      spec.given([]).when(draft({ defaultCapacity })).thenThrows('COURSE.CAPACITY_OUT_OF_BOUNDS', 'validation');
    });

    it('refuses an unknown selection policy', () => {
      spec
        .given([])
        .when(draft({ selectionPolicy: 'lottery' }))
        .thenThrows('COURSE.SELECTION_POLICY_INVALID', 'validation');
    });

    it('refuses a blank course id', () => {
      spec
        .given([])
        .when(draft({ courseId: ' ' }))
        .thenThrows('COURSE.ID_INVALID', 'validation');
    });

    // Issue 10 #10: characters are grapheme clusters (as a reader counts them), not UTF-16 units.
    it('counts characters as users do: 200 emoji or flags are a 200-character title, 201 are too many', () => {
      const emoji = '👍🏽'.repeat(200);
      spec
        .given([])
        .when(draft({ title: emoji }))
        .then([{ type: 'CourseDrafted', data: { ...data, title: emoji } }]);
      spec
        .given([])
        .when(draft({ title: '🇫🇷'.repeat(150) }))
        .then([{ type: 'CourseDrafted', data: { ...data, title: '🇫🇷'.repeat(150) } }]);
      spec
        .given([])
        .when(draft({ title: '😀'.repeat(201) }))
        .thenThrows('COURSE.TITLE_INVALID', 'validation');
    });

    it.each([
      ['title', { title: 'Broken \ud800 title' }],
      ['summary', { summary: 'Ends in half a pair \udc00' }],
      ['topics[1]', { topics: ['ddd', '\ud83d'] }],
    ])('refuses a lone UTF-16 surrogate in %s as invalid Unicode, never storing U+FFFD', (field, overrides) => {
      const error = spec
        .given([])
        .when(draft(overrides))
        .thenThrows('TEXT.INVALID_UNICODE', 'validation') as ValidationError;
      expect(error.fields).toEqual([{ field, message: expect.stringContaining('not valid Unicode') }]);
    });

    it('reports every bad field at once, the first one giving the code', () => {
      const error = spec
        .given([])
        .when(draft({ title: 'x', language: '??', defaultCapacity: 0 }))
        .thenThrows('COURSE.TITLE_INVALID') as ValidationError;
      expect(error.fields.map((f) => f.field)).toEqual(['title', 'language', 'defaultCapacity']);
      expect(error.details['problems']).toEqual([
        { field: 'title', code: 'COURSE.TITLE_INVALID', message: expect.any(String) },
        { field: 'language', code: 'COURSE.LANGUAGE_INVALID', message: expect.any(String) },
        { field: 'defaultCapacity', code: 'COURSE.CAPACITY_OUT_OF_BOUNDS', message: expect.any(String) },
      ]);
    });
  });

  describe('when drafted', () => {
    it('changes nothing when the same draft is retried, even untrimmed', () => {
      spec
        .given([drafted])
        .when(draft({ title: ` ${data.title} ` }))
        .thenNothing();
    });

    it('refuses a different draft of the same course', () => {
      spec
        .given([drafted])
        .when(draft({ defaultCapacity: 40 }))
        .thenThrows('COURSE.ALREADY_EXISTS', 'illegal-state');
    });

    it('still validates a repeated draft before comparing it', () => {
      spec
        .given([drafted])
        .when(draft({ title: '' }))
        .thenThrows('COURSE.TITLE_INVALID', 'validation');
    });

    it('ignores a second CourseDrafted when folding', () => {
      const other: CourseDrafted = { type: 'CourseDrafted', data: { ...data, title: 'Another title' } };
      const state = [drafted, other].reduce(courseDecider.evolve, courseDecider.initialState());
      expect(state).toEqual({ status: 'drafted', ...data });
    });
  });
});
