import { z } from 'zod';

/** Per-machine preferences: who is at this desk. Team-wide settings arrive with the follow-up engine. */
export const settingsSchema = z.object({
  /** 管家姓名: fills {管家姓名} in scripts. */
  stewardName: z.string().trim().max(20),
  /** 物业公司名称: used in the opening line. */
  companyName: z.string().trim().max(40),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = { stewardName: '', companyName: '' };

/** A partial update; at least one field, nothing unknown. */
export const settingsPatchSchema = settingsSchema
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: '至少填写一项设置' });
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
