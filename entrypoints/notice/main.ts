// The one-off popup that says why reader view could not open on this tab.
import { t, uiLanguage, type MessageKey } from '../../platform/i18n';

const PROBLEMS = ['internal', 'noAccess', 'svg', 'xml'];
const problem = new URLSearchParams(location.search).get('problem') ?? '';
document.getElementById('title')!.textContent = t('noticeTitle');
document.getElementById('message')!.textContent = t((PROBLEMS.includes(problem) ? `problem_${problem}` : 'problem_noAccess') as MessageKey);
document.documentElement.lang = uiLanguage();
