import { Type } from 'class-transformer';
import { IsInt, IsISO8601, Max, Min, ValidateNested } from 'class-validator';
import { InputValidationError } from './input-validation.error';
import { createInputValidationPipe } from './input-validation.pipe';

class WindowInput {
  @IsISO8601()
  opensAt!: string;

  @IsISO8601()
  closesAt!: string;
}

class PlanInput {
  @IsInt()
  @Min(2)
  @Max(500)
  capacity!: number;

  @ValidateNested()
  @Type(() => WindowInput)
  window!: WindowInput;
}

async function problemsOf(value: unknown) {
  try {
    await createInputValidationPipe().transform(value, { type: 'body', metatype: PlanInput });
  } catch (error) {
    if (error instanceof InputValidationError) return error.fields;
    throw error;
  }
  return [];
}

describe('createInputValidationPipe', () => {
  it('reports nested problems with dotted paths', async () => {
    const fields = await problemsOf({ capacity: 1, window: { opensAt: '2026-01-01T00:00:00Z', closesAt: 'soon' } });
    expect(fields).toEqual([
      { field: 'capacity', message: 'capacity must not be less than 2' },
      { field: 'window.closesAt', message: 'closesAt must be a valid ISO 8601 date string' },
    ]);
  });

  it('reports one problem per field', async () => {
    const fields = await problemsOf({
      capacity: 1.5,
      window: { opensAt: '2026-01-01T00:00:00Z', closesAt: '2026-02-01T00:00:00Z' },
    });
    expect(fields).toHaveLength(1);
    expect(fields[0].field).toBe('capacity');
  });

  it('refuses unknown properties instead of dropping them', async () => {
    const fields = await problemsOf({
      capacity: 20,
      window: { opensAt: '2026-01-01T00:00:00Z', closesAt: '2026-02-01T00:00:00Z' },
      admin: true,
    });
    expect(fields).toEqual([{ field: 'admin', message: 'property admin should not exist' }]);
  });

  it('returns a class instance for valid input', async () => {
    const value = await createInputValidationPipe().transform(
      { capacity: 20, window: { opensAt: '2026-01-01T00:00:00Z', closesAt: '2026-02-01T00:00:00Z' } },
      { type: 'body', metatype: PlanInput },
    );
    expect(value).toBeInstanceOf(PlanInput);
    expect(value.window).toBeInstanceOf(WindowInput);
  });
});
