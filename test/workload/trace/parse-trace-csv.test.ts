import { describe, it, expect } from 'vitest';
import { parseTraceCsv, parseTraceSeries } from '../../../src/workload/trace/index.js';

const opts = { timeColumn: 'time_s', valueColumn: 'rps', file: 'traces/prod.csv' };

describe('parseTraceCsv: well-formed files', () => {
  it('reads header + rows; time in seconds becomes ms', () => {
    expect(parseTraceCsv('time_s,rps\n0,100\n60,150.5\n120,1e2\n', opts)).toEqual([
      { t: 0, value: 100 },
      { t: 60_000, value: 150.5 },
      { t: 120_000, value: 100 },
    ]);
  });
  it('columns in any order, extra columns ignored, CRLF, BOM, blank lines, spaces, quotes', () => {
    const text = '\uFEFFhost, "rps" ,time_s,note\r\na,10,0,x\r\n\r\nb, 20 ,"30","q, ""y"""\r\n';
    expect(parseTraceCsv(text, opts)).toEqual([
      { t: 0, value: 10 },
      { t: 30_000, value: 20 },
    ]);
  });
  it('semicolon and tab separated files', () => {
    expect(parseTraceCsv('time_s;rps\n0;1\n1;2', opts)).toEqual([{ t: 0, value: 1 }, { t: 1000, value: 2 }]);
    expect(parseTraceCsv('time_s\trps\n0\t1\n0.5\t2', opts)).toEqual([{ t: 0, value: 1 }, { t: 500, value: 2 }]);
  });
  it('the separator is whichever of , ; tab the header has most; on a tie the comma, then the semicolon', () => {
    // two semicolons and one comma (in a column name): semicolons
    expect(parseTraceCsv('time_s;rps;a,b\n0;1;x\n1;2;y', opts)).toEqual([{ t: 0, value: 1 }, { t: 1000, value: 2 }]);
    // two tabs and one semicolon: tabs
    expect(parseTraceCsv('time_s\trps\ta;b\n0\t1\tx\n', opts)).toEqual([{ t: 0, value: 1 }]);
    // one comma, one semicolon: commas (the columns are "time_s" and "rps;a")
    expect(parseTraceCsv('time_s,rps;a\n0,1\n1,2', { ...opts, valueColumn: 'rps;a' })).toEqual([{ t: 0, value: 1 }, { t: 1000, value: 2 }]);
    // one comma, one tab: commas
    expect(parseTraceCsv('rps\tq,time_s\n3,0\n', { ...opts, valueColumn: 'rps\tq' })).toEqual([{ t: 0, value: 3 }]);
    // one semicolon, one tab: semicolons
    expect(parseTraceCsv('time_s;rps\tq\n0;4\n', { ...opts, valueColumn: 'rps\tq' })).toEqual([{ t: 0, value: 4 }]);
  });
});

describe('parseTraceCsv: malformed files name the file, line and column', () => {
  it.each([
    ['empty file', '', /traces\/prod\.csv, line 1: expected a header row.*found an empty file/],
    ['only blank lines', '\n  \n', /line 1: expected a header row/],
    ['header only', 'time_s,rps\n', /line 1: expected data rows after the header, found none/],
    ['missing value column', 'time_s,rsp\n0,1', /line 1: expected a value column "rps", found columns "time_s", "rsp" \(did you mean "rsp"\?\)/],
    ['missing time column', 'rps\n1', /line 1: expected a time column "time_s", found columns "rps"/],
    ['non-numeric value', 'time_s,rps\n0,1\n60,abc\n', /line 3, column 2 \("rps"\): expected a rate per second, found "abc"/],
    ['non-numeric time', 'time_s,rps\n0,1\n1m,2\n', /line 3, column 1 \("time_s"\): expected a time in seconds, found "1m"/],
    ['empty cell', 'time_s,rps\n0,\n', /line 2, column 2 \("rps"\): expected a rate per second, found an empty cell/],
    ['short row', 'time_s,rps\n0,1\n5\n', /line 3, column 2 \("rps"\): expected a rate per second, found a row of only 1 field/],
    ['time not increasing', 'time_s,rps\n0,1\n60,2\n30,3\n', /line 4, column 1 \("time_s"\): expected a time after 60 \(line 3\), found 30/],
    ['repeated time', 'time_s,rps\n0,1\n0,2\n', /line 3, column 1 \("time_s"\): expected a time after 0 \(line 2\), found 0/],
    ['negative rate', 'time_s,rps\n0,-5\n', /line 2, column 2 \("rps"\): expected a rate >= 0, found -5/],
    // a number beyond a double's range is said as written, against the rate's bounds (it was "found one out of range")
    ['a rate too large for a number', 'time_s,rps\n0,1e400\n', /line 2, column 2 \("rps"\): expected a rate of at most 1000000000 requests\/s \(an ecsim bound\), found 1e400$/],
    ['a rate too negative for a number', 'time_s,rps\n0,-1e400\n', /line 2, column 2 \("rps"\): expected a rate >= 0, found -1e400$/],
    ['a time too large for a number', 'time_s,rps\n0,1\n1e400,2\n', /line 3, column 1 \("time_s"\): expected a time in seconds within a number's range \(about 1\.8e308\), found 1e400$/],
    ['hex is not a number', 'time_s,rps\n0,0x10\n', /line 2, column 2 \("rps"\): expected a rate per second, found "0x10"/],
    ['overflow', 'time_s,rps\n0,1e999\n', /line 2, column 2 \("rps"\): expected a rate of at most 1000000000 requests\/s \(an ecsim bound\), found 1e999$/],
    ['value column twice', 'time_s,rps,rps\n0,1,2\n', /line 1: expected the value column "rps" once, found it as columns 2 and 3; rename or remove one/],
    ['time column twice (after blank lines)', '\n\ntime_s,rps,time_s\n0,1,2\n', /line 3: expected the time column "time_s" once, found it as columns 1 and 3/],
    ['line numbers count blank lines', '\ntime_s,rps\n\n0,1\n\nx,2\n', /line 6, column 1 \("time_s"\)/],
  ])('%s', (_name, text, message) => {
    expect(() => parseTraceCsv(text, opts)).toThrow(message);
    expect(() => parseTraceCsv(text, opts)).toThrow(/^traces\/prod\.csv, line \d+/);
  });
});

describe('parseTraceCsv: a row with more fields than the header', () => {
  it('is refused with the file, line and both counts (the cell beyond the header was dropped silently)', () => {
    expect(() => parseTraceCsv('rps,time_s\n100,0,extra\n400,600\n', opts)).toThrow(
      /^traces\/prod\.csv, line 2: expected at most 2 fields \(the header's columns\), found 3; a decimal comma, or a separator inside an unquoted cell\?$/,
    );
    // a decimal comma in a comma-separated file
    expect(() => parseTraceCsv('time_s,rps\n0,100\n600,400,5\n', opts)).toThrow(/line 3: expected at most 2 fields .*found 3/);
    // fewer fields are fine while the named columns are there
    expect(parseTraceCsv('time_s,rps,note\n0,100\n', opts)).toEqual([{ t: 0, value: 100 }]);
  });
});

describe('parseTraceCsv: a column the trace does not read may repeat', () => {
  it('only the time and value columns must be unique (the others are not read)', () => {
    expect(parseTraceCsv('note,time_s,note,rps\nx,0,y,7\n', opts)).toEqual([{ t: 0, value: 7 }]);
  });
});

describe('parseTraceSeries: the rows as two arrays, lines cut as split(/\\r\\n|\\n|\\r/) cuts them', () => {
  it('times in ms and rates as Float64Arrays', () => {
    const { t, v } = parseTraceSeries('time_s,rps\n0,100\n60,150.5\n', opts);
    expect(t).toBeInstanceOf(Float64Array);
    expect([...t]).toEqual([0, 60_000]);
    expect([...v]).toEqual([100, 150.5]);
  });
  it('lone CR, LF and CRLF breaks count one line each in error messages (line 4 is the bad one)', () => {
    expect(() => parseTraceCsv('time_s,rps\r0,1\n\r\n5,x\r', opts)).toThrow('traces/prod.csv, line 4, column 2 ("rps"): expected a rate per second, found "x"');
    expect(() => parseTraceCsv('\r\ntime_s,rps\r\n0,1\r\n0,2', opts)).toThrow('traces/prod.csv, line 4, column 1 ("time_s"): expected a time after 0 (line 3), found 0; times must increase');
  });
  it('a quoted cell holding the separator, next to unquoted rows', () => {
    expect(parseTraceCsv('note,time_s,rps\n"a,b",0,1\nc,1,2\n', opts)).toEqual([{ t: 0, value: 1 }, { t: 1000, value: 2 }]);
  });
  it('one column as both time and value is refused (the rate would be the time)', () => {
    expect(() => parseTraceCsv('time_s,rps\n0,1\n', { ...opts, valueColumn: 'time_s' })).toThrow(
      'traces/prod.csv: expected a value column other than the time column "time_s", found the same name; the rate would be the time',
    );
  });
});

describe('parseTraceCsv: a quote that does not close, or stands inside a cell, is refused', () => {
  // these were read silently: the quote dropped ("100 to the end of the file read as 100, 2"00 as 200)
  it.each([
    ['never closed (the rest of the file was the cell)', 'time_s,rps\n0,"100\n1800,200\n', 'traces/prod.csv, line 2, column 2 ("rps"): expected a closing quote by the end of the line, found "\\"100"; a quoted cell may not span lines'],
    ['a cell over two lines (was rate 1, the error on line 3)', 'time_s,rps\n0,"1\n00"\n', 'traces/prod.csv, line 2, column 2 ("rps"): expected a closing quote by the end of the line, found "\\"1"; a quoted cell may not span lines'],
    ['a quote at the end of an unquoted cell', 'time_s,rps\n0,100"\n1800,200\n', 'traces/prod.csv, line 2, column 2 ("rps"): expected a quote only around a whole cell ("1,5"; "" for a quote inside one), found "100\\""'],
    ['a quote inside an unquoted cell', 'time_s,rps\n0,100\n1800,2"00\n', 'traces/prod.csv, line 3, column 2 ("rps"): expected a quote only around a whole cell ("1,5"; "" for a quote inside one), found "2\\"00"'],
    ['text after the closing quote', 'time_s,rps\n0,"100"0\n', 'traces/prod.csv, line 2, column 2 ("rps"): expected a quote only around a whole cell ("1,5"; "" for a quote inside one), found "\\"100\\"0"'],
    ['in a column the trace does not read', 'time_s,rps,note\n0,1,a"b\n', 'traces/prod.csv, line 2, column 3 ("note"): expected a quote only around a whole cell ("1,5"; "" for a quote inside one), found "a\\"b"'],
    ['beyond the header (no column name)', 'time_s,rps\n0,1,"x\n', 'traces/prod.csv, line 2, column 3: expected a closing quote by the end of the line, found "\\"x"; a quoted cell may not span lines'],
    ['in the header', 'time_s,"rps\n0,1\n', 'traces/prod.csv, line 1, column 2: expected a closing quote by the end of the line, found "\\"rps"; a quoted cell may not span lines'],
  ])('%s', (_name, text, message) => {
    expect(() => parseTraceCsv(text, opts)).toThrow(expect.objectContaining({ name: 'TraceCsvError', message }));
  });
  it('well-formed quotes still read: spaces around, "" inside, the separator inside, tab and semicolon files', () => {
    expect(parseTraceCsv('time_s,rps,note\n 0 , "100" ,"a ""b"", c"\n', opts)).toEqual([{ t: 0, value: 100 }]);
    expect(parseTraceCsv('time_s;rps;note\n"0";"1";"x;y"\n', opts)).toEqual([{ t: 0, value: 1 }]);
    expect(parseTraceCsv('time_s\trps\n"0"\t"2"\n', opts)).toEqual([{ t: 0, value: 2 }]);
    expect(parseTraceCsv('time_s,rps,note\n0,1,""\n1,2,\n', opts)).toEqual([{ t: 0, value: 1 }, { t: 1000, value: 2 }]);
  });
});
