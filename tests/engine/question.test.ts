import { describe, expect, it } from 'vitest';
import { MAX_QUESTION_CHARS, asksSomething, cleanQuestion, isFollowUp, mergeFollowUp, spellOutShortYears, socialMessage } from '../../src/engine/question.js';

describe('cleanQuestion', () => {
  it('removes Slack mentions and broadcasts, keeps link labels', () => {
    expect(cleanQuestion('<@U123> <!channel> what did <https://x.example|the NAO> say?')).toBe('what did the NAO say?');
  });

  it('drops control and direction characters and folds white space', () => {
    expect(cleanQuestion('what\u0000 share\u202e were\n\n inadequate?')).toBe('what share were inadequate?');
  });

  it('caps very long questions', () => {
    expect(cleanQuestion('a '.repeat(40_000)).length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
  });

  it('leaves emoji-only and right-to-left text as text', () => {
    expect(cleanQuestion('🙂🙂')).toBe('🙂🙂');
    expect(cleanQuestion('ما هي النسبة؟')).toBe('ما هي النسبة؟');
  });
});

describe('follow-ups', () => {
  it('reads a message that opens with a connective as a follow-up', () => {
    for (const text of ['and in 2019?', 'what about Leeds?', 'and for councils rated good?', 'what about the year before?', 'how about Good?', 'but in the North East?', 'And what share were outstanding?']) {
      expect(isFollowUp(text), text).toBe(true);
    }
  });

  it('reads a reference back, a fragment with no subject of its own, or a bare question as a follow-up', () => {
    for (const text of ['in 2019?', '2016/17', 'Leeds?', 'inadequate in 2016?', 'the previous year?', 'why?', 'how many were there?', 'how does that compare with 2010?', 'what did they recommend?', 'is that the latest figure?', 'for councils rated good?']) {
      expect(isFollowUp(text), text).toBe(true);
    }
  });

  it('reads a question with a subject of its own as a new question, however short', () => {
    for (const text of [
      'Who is Debbie Jones?',
      'what is a DCS?',
      'what did the NAO find about spending per child in need?',
      'what share of councils were rated inadequate in 2015 by Ofsted?',
      // A relative "that" follows its own noun: no reference back.
      'which councils that were rated good improved?',
      'tell me about adoption',
      'is there a report about fostering?',
      'In 2015, what share of councils were rated good?',
      'in the north east which councils improved most?',
    ]) {
      expect(isFollowUp(text), text).toBe(false);
    }
  });

  it('never reads gibberish or grammar words alone as a follow-up', () => {
    for (const text of ['asdf qwerty zzkj flibble', 'zzkj', 'xxxx?', 'ok', 'me too', '', '?!']) {
      expect(isFollowUp(text), text).toBe(false);
    }
  });

  it('carries the earlier question over, replacing its year', () => {
    expect(mergeFollowUp('what share were rated inadequate in 2015?', 'and in 2019?')).toBe('what share were rated inadequate in ? and in 2019?');
  });

  it('reads "the year before" as the year before the earlier question\'s', () => {
    expect(mergeFollowUp('what share were rated inadequate in 2015?', 'what about the year before?')).toBe('what share were rated inadequate in ? what about the year before? 2014');
    expect(mergeFollowUp('what share were rated inadequate in 2015?', 'and the following year?')).toContain('2016');
  });

  it('leaves a new question alone, whatever its length', () => {
    const question = 'what did the NAO find about spending per child in need?';
    expect(mergeFollowUp('what share were rated inadequate in 2015?', question)).toBe(question);
    expect(mergeFollowUp('what share were rated inadequate in 2015?', 'Who is Debbie Jones?')).toBe('Who is Debbie Jones?');
    expect(mergeFollowUp('what share were rated inadequate in 2015?', 'asdf qwerty zzkj flibble')).toBe('asdf qwerty zzkj flibble');
  });
});

describe('asksSomething', () => {
  it('tells a question from a remark', () => {
    for (const text of ['is the unanswerable bit covered?', 'what about Leeds', 'how many were there', 'did Ofsted reply', 'anything on adoption?']) expect(asksSomething(text), text).toBe(true);
    for (const text of ["ok, I'll check with Sam", 'the figure looks low to me', 'makes sense']) expect(asksSomething(text), text).toBe(false);
  });
});

describe('spellOutShortYears', () => {
  it('writes a financial or academic year typed short as the reports write it', () => {
    expect(spellOutShortYears('which councils went from inadequate to good in 18/19?')).toBe('which councils went from inadequate to good in 2018/19?');
    expect(spellOutShortYears("the '17-18 annual report")).toBe('the 2017/18 annual report');
  });

  it('leaves numbers that are not consecutive years, and longer years, as they are', () => {
    expect(spellOutShortYears('in 2018/19 and 2013-14')).toBe('in 2018/19 and 2013-14');
    expect(spellOutShortYears('rated 12/20 in the survey, 18/19% of them')).toBe('rated 12/20 in the survey, 18/19% of them');
    expect(spellOutShortYears('on 12/13/2019, or 45/46')).toBe('on 12/13/2019, or 45/46');
  });
});

describe('socialMessage', () => {
  it('reads a message that only greets as a greeting', () => {
    for (const text of ['hi', 'Hi!', 'hello citeline', 'hey there, how are you?', "hi! how's your day going?", 'good morning team :wave:', 'How’s it going?', 'hey citeline, how are you doing today?', 'hello again', 'hey how r u']) {
      expect(socialMessage(text), text).toBe('greeting');
    }
  });

  it('reads a message that only thanks as thanks', () => {
    for (const text of ['thanks', 'Thanks!', 'thank you so much', 'great, thanks', 'ok thanks', 'cheers', 'ty', "that's helpful, thanks a lot", 'Perfect - thank you for the answer :pray:', 'hey, thanks', 'thanks so much for your help', 'thank you very much indeed', 'thanks, very helpful']) {
      expect(socialMessage(text), text).toBe('thanks');
    }
  });

  it('leaves a question a question, whatever it starts or ends with', () => {
    for (const text of [
      'hi, what share of councils were inadequate?',
      'thanks to the new framework, how many councils improved?',
      'how are councils rated?',
      "what's up with Ofsted's ratings",
      'good',
      'is it good?',
      'hello world',
      // A teaching assistant, in these reports, as often as thanks.
      'TA',
      '',
    ]) {
      expect(socialMessage(text), text).toBeUndefined();
    }
  });
});
