"""The runner's look: big touch-friendly answer buttons, calm panels, colours that say
pass (green), fail (red), warning (amber). Scoped to the runner's own object names."""

GOOD, BAD, WARN, INFO = "#2e9d57", "#d64545", "#d98a00", "#3b6fd4"

RUNNER_QSS = f"""
#runnerHeader {{ background: #1f3a5f; }}
#runnerHeader QLabel {{ color: white; }}
#runnerTitle {{ font-size: 17px; font-weight: bold; }}
#runnerSubtitle {{ color: #c9d6ea; }}
#runnerHeader QLabel#statusBadge {{ border-radius: 10px; padding: 3px 10px; font-weight: bold;
               background: #dfe7f3; color: #1f3a5f; }}
#runnerHeader QLabel#statusBadge[status="signed"] {{ background: {GOOD}; color: white; }}
#runnerHeader QLabel#statusBadge[status="completed"] {{ background: #c6e8d2; color: #185c33; }}
#runnerHeader QPushButton {{ min-height: 32px; padding: 2px 14px; border-radius: 6px;
                            background: #2f5488; color: white; border: 1px solid #5477aa; }}
#runnerHeader QPushButton:hover {{ background: #3b66a3; }}
#runnerHeader QPushButton#completeButton {{ background: {GOOD}; border-color: #47b870; }}
#banner {{ padding: 8px 14px; font-weight: bold; }}
#banner[tone="bad"] {{ background: #fde2e2; color: #8f1d1d; }}
#banner[tone="good"] {{ background: #ddf3e4; color: #185c33; }}
#banner[tone="info"] {{ background: #e3ecfb; color: #1f3a5f; }}
#sectionList {{ background: #f5f7fa; border: none; font-size: 13px; }}
#sectionList::item {{ padding: 4px 2px; }}
#sectionList::item:selected {{ background: #d6e4fb; color: #10264a; }}
#sectionProgress {{ border: 1px solid #c9ced8; border-radius: 4px; background: white;
                   text-align: center; font-size: 11px; }}
#sectionProgress::chunk {{ background: #9dbdf0; border-radius: 3px; }}
#sectionProgress[complete="true"]::chunk {{ background: #8fd3a6; }}
#itemView {{ background: white; }}
#crumb {{ color: #6b7585; }}
#question {{ font-size: 20px; font-weight: bold; color: #1b2330; }}
#tag {{ border-radius: 8px; padding: 2px 8px; font-size: 12px; font-weight: bold; }}
#tag[tone="bad"] {{ background: {BAD}; color: white; }}
#tag[tone="warn"] {{ background: #fdecc8; color: #7a4d00; }}
#tag[tone="neutral"] {{ background: #e8ebf0; color: #4a5362; }}
#tag[tone="info"] {{ background: #e3ecfb; color: #1f3a5f; }}
QPushButton#answerButton {{ font-size: 16px; padding: 6px 16px; border-radius: 8px;
                           border: 2px solid #c9ced8; background: #fbfcfd; }}
QPushButton#answerButton:hover {{ border-color: #8da2c3; }}
QPushButton#answerButton:checked[tone="good"] {{ background: {GOOD}; color: white;
                                                 border-color: {GOOD}; }}
QPushButton#answerButton:checked[tone="bad"] {{ background: {BAD}; color: white;
                                                border-color: {BAD}; }}
QPushButton#answerButton:checked[tone="warn"] {{ background: {WARN}; color: white;
                                                 border-color: {WARN}; }}
QPushButton#answerButton:checked[tone="neutral"] {{ background: #6b7585; color: white;
                                                    border-color: #6b7585; }}
QPushButton#answerButton:disabled {{ color: #9aa1ad; }}
QPushButton#answerButton:checked:disabled {{ color: white; }}
#readingField {{ font-size: 18px; padding: 4px 8px; }}
#limitLabel {{ color: #1f3a5f; font-weight: bold; }}
#limitWarning {{ color: #a3260b; background: #fff0e0; border-left: 4px solid {WARN};
                padding: 6px 10px; font-weight: bold; }}
#guidance {{ background: #f1f6fd; border-left: 4px solid {INFO}; }}
#source {{ color: #56627a; font-style: italic; }}
#fieldHeading {{ font-weight: bold; color: #33405a; margin-top: 4px; }}
#hint {{ color: #6b7585; }}
#thumb {{ border: 1px solid #d5dae2; border-radius: 6px; background: #fafbfc; }}
#comparison {{ background: #f3f4f7; border-left: 4px solid #8a94a6; }}
#comparison[differs="true"] {{ background: #fff1d6; border-left: 4px solid {WARN}; }}
#scorePanel {{ background: #f5f7fa; border-left: 1px solid #e1e5eb; }}
#panelHeading {{ font-weight: bold; color: #33405a; }}
#bigScore {{ font-size: 40px; font-weight: bold; color: #1b2330; }}
#grade, #ethicsGrade {{ font-size: 16px; font-weight: bold; border-radius: 6px; padding: 6px; }}
#grade[tone="good"], #ethicsGrade[tone="good"] {{ background: {GOOD}; color: white; }}
#grade[tone="warn"], #ethicsGrade[tone="warn"] {{ background: {WARN}; color: white; }}
#grade[tone="bad"], #ethicsGrade[tone="bad"] {{ background: {BAD}; color: white; }}
#grade[tone="neutral"], #ethicsGrade[tone="neutral"] {{ background: #e8ebf0; color: #4a5362; }}
#capNotice {{ color: #8f1d1d; background: #fde2e2; padding: 6px; border-radius: 4px; }}
#ownScore {{ color: #7a4d00; background: #fff1d6; padding: 6px; border-radius: 4px; }}
#standardRow {{ border: 1px solid #e1e5eb; border-radius: 6px; }}
#standardRow[current="true"] {{ border: 2px solid {INFO}; }}
#standardRow[missing="true"] {{ background: #fde2e2; border: 2px solid {BAD}; }}
#raterName[missing="true"] {{ color: {BAD}; }}
#raterName {{ font-weight: bold; font-size: 14px; }}
"""
