import { ValidationError, ValidationPipe } from '@nestjs/common';
import type { FieldProblem } from '@sooc/event-sourcing';
import { InputValidationError } from './input-validation.error';

/** `applicationWindow.closesAt`, `topics.0`: one problem per failed constraint, with its path. */
export function fieldProblems(errors: readonly ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

/**
 * The one global pipe: inputs become class instances (so nested inputs validate), unknown
 * properties are refused rather than silently dropped, and failures carry field paths.
 */
export function createInputValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    // One message per field: a malformed date need not also be reported as an impossible one.
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InputValidationError(fieldProblems(errors)),
  });
}
