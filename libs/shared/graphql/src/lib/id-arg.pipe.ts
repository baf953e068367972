import { Injectable, PipeTransform } from '@nestjs/common';
import { ID_MESSAGE, ID_PATTERN } from './id.format';
import { InputValidationError } from './input-validation.error';

/**
 * Checks an id passed as its own argument beside an `input` object. The global validation pipe
 * only checks classes, and wrapping both arguments in one ArgsType would prefix every field of
 * the input with `input.`, unlike the paths the other mutations and the domain report.
 */
@Injectable()
export class IdArgPipe implements PipeTransform<unknown, string> {
  constructor(private readonly field: string) {}

  transform(value: unknown): string {
    if (typeof value === 'string' && ID_PATTERN.test(value)) return value;
    throw new InputValidationError([{ field: this.field, message: `${this.field} ${ID_MESSAGE}` }]);
  }
}
